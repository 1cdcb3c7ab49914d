/**
 * @module Console: /console/alerts — firing and recent alerts, one alert with its finding and
 * chart, and the operator's choices: seen (acknowledge), dismiss, declare an incident with the
 * prefilled text. Refused input re-renders the page with 400 and the input kept; an alert decided
 * meanwhile gives 409 with the reason, never an error page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { incidentTextFromAlert } from '#src/domain/detectors/text.ts';
import { type DialtoneError, notFound } from '#src/domain/errors.ts';
import { acknowledgeAlert } from '#src/services/acknowledge-alert.ts';
import type { AlertView } from '#src/services/alert-rows.ts';
import { declareIncidentFromAlert } from '#src/services/declare-incident-from-alert.ts';
import { dismissAlert } from '#src/services/dismiss-alert.ts';
import { getAlert } from '#src/services/get-alert.ts';
import { listAlerts } from '#src/services/list-alerts.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import { statusForSeverity } from '#src/services/raise-alert.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { type MessageKey, translateLoose } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import {
  type AlertDetailState,
  type AlertPageContext,
  type DeclareValues,
  renderAlertDetail,
  renderAlertList,
} from '#src/web/views/console/alert-pages.ts';
import {
  componentNamer,
  field,
  formData,
  isConflictError,
  isValidationError,
  noticeText,
  sendConsolePage,
} from '#src/web/views/console/incident-common.ts';
import { pick } from '#src/web/views/format.ts';

const notices: Record<string, MessageKey> = {
  acknowledged: 'alerts.notice.acknowledged',
  dismissed: 'alerts.notice.dismissed',
  declared: 'alerts.notice.declared',
};

type IdParams = { Params: { id: string } };
/** A component's name in both languages (its id when it left the catalog). */
type Names = (id: string) => { de: string; en: string };

export async function consoleAlertRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.store.db;
  const guard = { preHandler: requireRole('operator') };

  async function pageContext(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<AlertPageContext & { names: Names }> {
    const catalog = await loadCatalog(db);
    const byId = new Map(catalog.components.map((c) => [c.id, c.name]));
    return {
      t: request.t,
      locale: request.locale,
      timeZone: request.timeZone,
      csrf: request.csrfToken(reply),
      componentName: componentNamer(catalog.components, request.locale),
      names: (id) => byId.get(id) ?? { de: id, en: id },
    };
  }

  async function alertOr404(id: string): Promise<AlertView> {
    const alert = id.length <= 100 ? await getAlert(db, id) : null;
    if (!alert) throw notFound('alert', id);
    return alert;
  }

  /** The declare form's text as the policy would have written it, for the operator to edit. */
  function prefilled(c: { names: Names }, a: AlertView): DeclareValues {
    const subject = { component: c.names(a.componentId), source: null };
    const text = a.evidence
      ? incidentTextFromAlert(a.evidence, subject, a.startedAt, deps.config.defaultTimeZone)
      : { title: a.title, message: a.title };
    return {
      title_de: text.title.de,
      title_en: text.title.en,
      message_de: text.message.de,
      message_en: text.message.en,
      componentStatus: statusForSeverity(a.severity),
    };
  }

  async function detailPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    state: Partial<AlertDetailState> = {},
    status = 200,
  ) {
    const [alert, c] = await Promise.all([alertOr404(id), pageContext(request, reply)]);
    const checks = alert.monitorId
      ? await db
          .selectFrom('monitor_checks')
          .select(['at', 'rtt_ms as rttMs'])
          .where('monitor_id', '=', alert.monitorId)
          .where('at', '>=', new Date(Date.parse(alert.startedAt) - 30 * 60_000).toISOString())
          .orderBy('at')
          .limit(360)
          .execute()
      : [];
    const full: AlertDetailState = {
      values: state.values ?? prefilled(c, alert),
      errors: state.errors ?? [],
      ...(state.refusal ? { refusal: state.refusal } : {}),
    };
    return sendConsolePage(
      request,
      reply,
      {
        title: pick(alert.title, request.locale),
        section: 'alerts',
        body: renderAlertDetail(c, alert, full, checks),
        notice: noticeText(request.t, field(formData(request.query), 'notice'), notices),
      },
      status,
    );
  }

  /** A conflict (decided or acknowledged meanwhile) shows the page again with the reason. */
  const refused = (request: FastifyRequest, reply: FastifyReply, id: string, e: DialtoneError) =>
    detailPage(request, reply, id, { refusal: translateLoose(request.t, e.key, e.params) }, 409);

  app.get('/console/alerts', guard, async (request, reply) => {
    const [lists, c] = await Promise.all([listAlerts(db, { recent: 50 }), pageContext(request, reply)]);
    reply.header('cache-control', 'no-store');
    return sendConsolePage(request, reply, {
      title: request.t('alerts.title'),
      section: 'alerts',
      body: renderAlertList(c, lists),
      notice: noticeText(request.t, field(formData(request.query), 'notice'), notices),
    });
  });

  app.get<IdParams>('/console/alerts/:id', guard, (request, reply) => {
    reply.header('cache-control', 'no-store');
    return detailPage(request, reply, request.params.id);
  });

  for (const [action, verb, notice] of [
    ['acknowledge', acknowledgeAlert, 'acknowledged'],
    ['dismiss', dismissAlert, 'dismissed'],
  ] as const) {
    app.post<IdParams>(`/console/alerts/:id/${action}`, guard, async (request, reply) => {
      const id = request.params.id;
      await alertOr404(id);
      try {
        await verb({ ctx: serviceContext(deps, staffActor(request)), input: { alertId: id } });
      } catch (e) {
        if (isConflictError(e)) return refused(request, reply, id, e);
        throw e;
      }
      return reply.redirect(`/console/alerts/${id}?notice=${notice}`, 303);
    });
  }

  app.post<IdParams>('/console/alerts/:id/declare', guard, async (request, reply) => {
    const id = request.params.id;
    await alertOr404(id);
    const body = formData(request.body);
    const values: DeclareValues = {
      title_de: field(body, 'title_de') ?? '',
      title_en: field(body, 'title_en') ?? '',
      message_de: field(body, 'message_de') ?? '',
      message_en: field(body, 'message_en') ?? '',
      componentStatus: field(body, 'componentStatus') ?? '',
    };
    try {
      await declareIncidentFromAlert({
        ctx: serviceContext(deps, staffActor(request)),
        input: {
          alertId: id,
          title: { de: values.title_de, en: values.title_en },
          message: { de: values.message_de, en: values.message_en },
          componentStatus: values.componentStatus,
        },
      });
    } catch (e) {
      if (isConflictError(e)) return refused(request, reply, id, e);
      if (isValidationError(e)) return detailPage(request, reply, id, { values, errors: e.fields }, 400);
      throw e;
    }
    return reply.redirect(`/console/alerts/${id}?notice=declared`, 303);
  });
}
