/**
 * @module Console: the report inbox. List with filters and bulk linking, the report page and
 * its actions (assign, triage, comment, link, declare, close), closing all reports of a resolved
 * incident, and the "possible outage" alerts (declare, acknowledge, dismiss). Refused input
 * re-renders the page with 400 and the input kept; a report changed meanwhile gives 409 with
 * the reason, never an error page. Cluster detection runs when the inbox is opened.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '#src/domain/errors.ts';
import { assignReport } from '#src/services/assign-report.ts';
import { closeReport } from '#src/services/close-report.ts';
import { closeReportsOfIncident } from '#src/services/close-reports-of-incident.ts';
import { commentOnReport } from '#src/services/comment-on-report.ts';
import { componentsOfService } from '#src/services/components-of-service.ts';
import type { Tx } from '#src/services/context.ts';
import { declareIncidentFromReports } from '#src/services/declare-incident-from-report.ts';
import { detectReportClusters } from '#src/services/detect-report-clusters.ts';
import { getReport } from '#src/services/get-report.ts';
import { getReportAlert } from '#src/services/get-report-alert.ts';
import { handleReportAlert } from '#src/services/handle-report-alert.ts';
import { linkReportsToIncident } from '#src/services/link-reports-to-incident.ts';
import { listIncidents } from '#src/services/list-incidents.ts';
import { listReportAlerts } from '#src/services/list-report-alerts.ts';
import { listReportQueues } from '#src/services/list-report-queues.ts';
import { listReports } from '#src/services/list-reports.ts';
import { listUsers } from '#src/services/list-users.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import { triageReport } from '#src/services/triage-report.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import type { MessageKey } from '#src/web/i18n/index.ts';
import { translateLoose } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import {
  componentNamer,
  field,
  fieldList,
  formData,
  noticeText,
  sendConsolePage,
} from '#src/web/views/console/incident-common.ts';
import { renderAlertDeclarePage } from '#src/web/views/console/report-alert-page.ts';
import { emptyForm, type FormState, serviceNamer } from '#src/web/views/console/report-common.ts';
import { renderReportDetail } from '#src/web/views/console/report-detail.ts';
import { declareFields, filterOf, refusalOf } from '#src/web/views/console/report-form-state.ts';
import { renderReportInbox } from '#src/web/views/console/report-list.ts';

const notices: Record<string, MessageKey> = {
  triaged: 'console.reports.notice.triaged',
  assigned: 'console.reports.notice.assigned',
  commented: 'console.reports.notice.commented',
  closed: 'console.reports.notice.closed',
  linked: 'console.reports.notice.linked',
  declared: 'console.reports.notice.declared',
  closedAll: 'console.reports.notice.closedAll',
  acknowledged: 'console.reports.notice.acknowledged',
  dismissed: 'console.reports.notice.dismissed',
};

async function openIncidents(db: Tx) {
  return (await listIncidents(db, { status: 'open', perPage: 100 })).incidents;
}

const meOf = (request: FastifyRequest) => (request.actor?.type === 'user' ? request.actor.id : null);

export async function consoleReportRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.store.db;
  const guard = { preHandler: requireRole('operator') };
  const ctxOf = (request: FastifyRequest) => serviceContext(deps, staffActor(request));

  async function inboxPage(request: FastifyRequest, reply: FastifyReply, bulk: FormState, status = 200) {
    // Lazy detection: the inbox is where staff look; a detector job can call the same verb.
    await detectReportClusters({ ctx: ctxOf(request) });
    const filter = filterOf(request.query);
    const [page, catalog, queues, users, incidents, alerts] = await Promise.all([
      listReports(db, { ...filter, perPage: 50 }),
      loadCatalog(db),
      listReportQueues(db),
      listUsers(db, { includeDisabled: false }),
      openIncidents(db),
      listReportAlerts(db),
    ]);
    const { t, locale, timeZone } = request;
    return sendConsolePage(
      request,
      reply,
      {
        title: t('console.reports.title'),
        section: 'reports',
        notice: noticeText(t, field(formData(request.query), 'notice'), notices),
        body: renderReportInbox({
          t,
          locale,
          timeZone,
          csrf: request.csrfToken(reply),
          services: catalog.services,
          alerts,
          page,
          filter,
          queues,
          users,
          meId: meOf(request),
          openIncidents: incidents,
          bulk,
        }),
      },
      status,
    );
  }

  app.get('/console/reports', guard, (request, reply) => inboxPage(request, reply, emptyForm));

  app.post('/console/reports/link', guard, async (request, reply) => {
    const body = formData(request.body);
    try {
      await linkReportsToIncident({
        ctx: ctxOf(request),
        input: { reportIds: fieldList(body, 'reportIds'), incidentId: field(body, 'incidentId') ?? '' },
      });
      return reply.redirect('/console/reports?notice=linked', 303);
    } catch (e) {
      const { form, status } = refusalOf(request.t, e, request.body);
      return inboxPage(request, reply, form, status);
    }
  });

  async function detailPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: FormState,
    status = 200,
  ) {
    const report = await getReport(db, id);
    const [catalog, users, incidents, componentIds] = await Promise.all([
      loadCatalog(db),
      listUsers(db, { includeDisabled: false }),
      openIncidents(db),
      componentsOfService(db, report.serviceId),
    ]);
    const { t, locale, timeZone } = request;
    const componentName = componentNamer(catalog.components, locale);
    return sendConsolePage(
      request,
      reply,
      {
        title: report.ticket,
        section: 'reports',
        notice: noticeText(t, field(formData(request.query), 'notice'), notices),
        body: renderReportDetail({
          t,
          locale,
          timeZone,
          csrf: request.csrfToken(reply),
          report,
          serviceName: serviceNamer(catalog.services, locale)(report.serviceId),
          componentNames: componentIds.map(componentName),
          users,
          meId: meOf(request),
          openIncidents: incidents,
          form,
        }),
      },
      status,
    );
  }

  type IdParams = { Params: { id: string } };
  app.get<IdParams>('/console/reports/:id', guard, (request, reply) =>
    detailPage(request, reply, request.params.id, emptyForm),
  );

  /** A report action: run the verb, redirect with a notice, or show the page again with the refusal. */
  function action(
    path: string,
    notice: string,
    run: (request: FastifyRequest<IdParams>) => Promise<unknown>,
  ) {
    app.post<IdParams>(`/console/reports/:id/${path}`, guard, async (request, reply) => {
      const id = request.params.id;
      try {
        await run(request);
        return reply.redirect(`/console/reports/${id}?notice=${notice}`, 303);
      } catch (e) {
        const { form, status } = refusalOf(request.t, e, request.body);
        return detailPage(request, reply, id, form, status);
      }
    });
  }
  const bodyOf = (request: FastifyRequest) => formData(request.body);

  action('triage', 'triaged', (r) => triageReport({ ctx: ctxOf(r), input: { reportId: r.params.id } }));
  action('assign', 'assigned', (r) =>
    assignReport({
      ctx: ctxOf(r),
      input: { reportId: r.params.id, assigneeId: field(bodyOf(r), 'assigneeId') || null },
    }),
  );
  action('comments', 'commented', (r) =>
    commentOnReport({
      ctx: ctxOf(r),
      input: { reportId: r.params.id, body: field(bodyOf(r), 'body') ?? '' },
    }),
  );
  action('link', 'linked', (r) =>
    linkReportsToIncident({
      ctx: ctxOf(r),
      input: { reportIds: [r.params.id], incidentId: field(bodyOf(r), 'incidentId') ?? '' },
    }),
  );
  action('close', 'closed', (r) =>
    closeReport({
      ctx: ctxOf(r),
      input: {
        reportId: r.params.id,
        reason: field(bodyOf(r), 'reason') ?? '',
        note: field(bodyOf(r), 'note'),
      },
    }),
  );

  app.post<IdParams>('/console/reports/:id/declare', guard, async (request, reply) => {
    const id = request.params.id;
    try {
      const { id: incidentId } = await declareIncidentFromReports({
        ctx: ctxOf(request),
        input: { reportIds: [id], ...declareFields(bodyOf(request)) },
      });
      return reply.redirect(`/console/incidents/${incidentId}?notice=declared`, 303);
    } catch (e) {
      const { form, status } = refusalOf(request.t, e, request.body);
      return detailPage(request, reply, id, form, status);
    }
  });

  app.post<IdParams>('/console/reports/incident/:id/close', guard, async (request, reply) => {
    const body = bodyOf(request);
    const from = field(body, 'from') ?? '';
    try {
      await closeReportsOfIncident({
        ctx: ctxOf(request),
        input: { incidentId: request.params.id, message: field(body, 'message') ?? '' },
      });
      return reply.redirect('/console/reports?state=closed&notice=closedAll', 303);
    } catch (e) {
      const { form, status } = refusalOf(request.t, e, request.body);
      // The form lives on the page of one of the incident's reports: show that page again.
      const report = from
        ? await db.selectFrom('reports').select('id').where('id', '=', from).executeTakeFirst()
        : null;
      if (!report) throw e;
      return detailPage(request, reply, report.id, form, status);
    }
  });

  async function alertPage(
    request: FastifyRequest,
    reply: FastifyReply,
    alertId: string,
    form: FormState,
    status = 200,
  ) {
    const alert = await getReportAlert(db, alertId);
    if (!alert) throw notFound('report_alert', alertId);
    const [catalog, componentIds] = await Promise.all([
      loadCatalog(db),
      componentsOfService(db, alert.serviceId),
    ]);
    const { t, locale } = request;
    const serviceName = serviceNamer(catalog.services, locale)(alert.serviceId);
    return sendConsolePage(
      request,
      reply,
      {
        title: t('console.reports.alertDeclareTitle', { count: alert.pendingReportIds.length }),
        section: 'reports',
        body: renderAlertDeclarePage({
          t,
          csrf: request.csrfToken(reply),
          alert,
          serviceName,
          componentNames: componentIds.map(componentNamer(catalog.components, locale)),
          form,
        }),
      },
      status,
    );
  }

  app.get<IdParams>('/console/reports/alerts/:id/declare', guard, (request, reply) =>
    alertPage(request, reply, request.params.id, emptyForm),
  );

  app.post<IdParams>('/console/reports/alerts/:id/declare', guard, async (request, reply) => {
    const alertId = request.params.id;
    const alert = await getReportAlert(db, alertId);
    try {
      const { id } = await declareIncidentFromReports({
        ctx: ctxOf(request),
        input: { reportIds: alert?.pendingReportIds ?? [], alertId, ...declareFields(bodyOf(request)) },
      });
      return reply.redirect(`/console/incidents/${id}?notice=declared`, 303);
    } catch (e) {
      const { form, status } = refusalOf(request.t, e, request.body);
      return alertPage(request, reply, alertId, form, status);
    }
  });

  app.post<IdParams>('/console/reports/alerts/:id/handle', guard, async (request, reply) => {
    const verb = field(bodyOf(request), 'action') ?? '';
    try {
      await handleReportAlert({ ctx: ctxOf(request), input: { alertId: request.params.id, action: verb } });
      return reply.redirect(
        `/console/reports?notice=${verb === 'dismiss' ? 'dismissed' : 'acknowledged'}`,
        303,
      );
    } catch (e) {
      const { form, status } = refusalOf(request.t, e, request.body);
      return inboxPage(
        request,
        reply,
        {
          ...form,
          alert: form.alert ?? form.errors.map((x) => translateLoose(request.t, x.key, x.params)).join(' '),
        },
        status,
      );
    }
  });
}
