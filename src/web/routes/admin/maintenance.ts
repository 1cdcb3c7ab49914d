/**
 * @module Console: maintenance. List (active, upcoming, past), schedule (times typed in the
 * viewer's zone), the window's page with the allowed moves. Refused input re-renders with 400,
 * input kept; a move someone else made first answers 409 with the current state.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldError, notFound, validationError } from '#src/domain/errors.ts';
import { maintenanceStatuses } from '#src/domain/maintenance.ts';
import { findTemplate } from '#src/services/find-template.ts';
import { listMaintenances } from '#src/services/list-maintenances.ts';
import { listTemplates } from '#src/services/list-templates.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import { loadMaintenanceViews } from '#src/services/load-maintenance-views.ts';
import { postMaintenanceUpdate } from '#src/services/post-maintenance-update.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { type MessageKey, translateLoose } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import {
  field,
  formData,
  isConflictError,
  isValidationError,
  noticeText,
  sendConsolePage,
} from '#src/web/views/console/incident-common.ts';
import { renderMaintenanceDetail } from '#src/web/views/console/maintenance-detail.ts';
import {
  applyTemplateToMaintenance,
  type MaintenanceValues,
  maintenanceInput,
  mergeMaintenanceErrors,
  readMaintenanceValues,
  renderMaintenanceForm,
} from '#src/web/views/console/maintenance-form.ts';
import { renderMaintenanceList } from '#src/web/views/console/maintenance-list.ts';
import { pick } from '#src/web/views/format.ts';

const notices: Record<string, MessageKey> = {
  scheduled: 'console.maintenance.notice.scheduled',
  in_progress: 'console.maintenance.notice.in_progress',
  verifying: 'console.maintenance.notice.verifying',
  completed: 'console.maintenance.notice.completed',
  cancelled: 'console.maintenance.notice.cancelled',
};

export async function consoleMaintenanceRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.store.db;
  const guard = { preHandler: requireRole('operator') };
  const ctxOf = (request: FastifyRequest) => serviceContext(deps, staffActor(request));

  app.get('/console/maintenance', guard, async (request, reply) => {
    const [active, upcoming, past, catalog] = await Promise.all([
      listMaintenances(db, { filter: 'active' }),
      listMaintenances(db, { filter: 'upcoming', limit: 200 }),
      listMaintenances(db, { filter: 'past', limit: 50 }),
      loadCatalog(db),
    ]);
    const { t, locale, timeZone } = request;
    return sendConsolePage(request, reply, {
      title: t('console.maintenance.title'),
      section: 'maintenance',
      notice: noticeText(t, field(formData(request.query), 'notice'), notices),
      body: renderMaintenanceList({ t, locale, timeZone, catalog, active, upcoming, past }),
    });
  });

  async function schedulePage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: { values?: MaintenanceValues; errors?: FieldError[]; status?: number },
  ) {
    const query = formData(request.query);
    const [catalog, templates] = await Promise.all([
      loadCatalog(db),
      listTemplates(db, { statuses: maintenanceStatuses }),
    ]);
    let values = state.values ?? readMaintenanceValues(query);
    const templateId = state.values ? undefined : field(query, 'template') || undefined;
    const template = templateId ? await findTemplate(db, templateId) : null;
    if (template) values = applyTemplateToMaintenance(values, template);
    const { t, locale, timeZone } = request;
    return sendConsolePage(
      request,
      reply,
      {
        title: t('console.maintenance.scheduleTitle'),
        section: 'maintenance',
        body: renderMaintenanceForm({
          t,
          locale,
          timeZone,
          csrf: request.csrfToken(reply),
          catalog,
          templates,
          templateId,
          templateMissing: templateId !== undefined && !template,
          values,
          errors: state.errors ?? [],
        }),
      },
      state.status,
    );
  }

  app.get('/console/maintenance/new', guard, (request, reply) => schedulePage(request, reply, {}));

  app.post('/console/maintenance', guard, async (request, reply) => {
    const values = readMaintenanceValues(formData(request.body));
    const { input, timeErrors } = maintenanceInput(values, request.timeZone);
    try {
      const { id } = await scheduleMaintenance({ ctx: ctxOf(request), input });
      return reply.redirect(`/console/maintenance/${id}?notice=scheduled`, 303);
    } catch (e) {
      if (!isValidationError(e)) throw e;
      const errors = mergeMaintenanceErrors(e.fields, timeErrors);
      return schedulePage(request, reply, { values, errors, status: 400 });
    }
  });

  async function detailPage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    state: {
      message?: { de: string; en: string };
      errors?: FieldError[];
      conflict?: boolean;
      status?: number;
    },
  ) {
    const [[maintenance], catalog] = await Promise.all([loadMaintenanceViews(db, [id]), loadCatalog(db)]);
    if (!maintenance) throw notFound('maintenance', id);
    const { t, locale, timeZone } = request;
    const conflict = state.conflict
      ? t('console.maintenance.conflict', {
          status: translateLoose(t, `maintenanceStatus.${maintenance.status}`),
        })
      : undefined;
    return sendConsolePage(
      request,
      reply,
      {
        title: pick(maintenance.title, locale),
        section: 'maintenance',
        notice: noticeText(t, field(formData(request.query), 'notice'), notices),
        body: renderMaintenanceDetail({
          t,
          locale,
          timeZone,
          csrf: request.csrfToken(reply),
          maintenance,
          catalog,
          message: state.message ?? { de: '', en: '' },
          errors: state.errors ?? [],
          conflict,
        }),
      },
      state.status,
    );
  }

  app.get<{ Params: { id: string } }>('/console/maintenance/:id', guard, (request, reply) =>
    detailPage(request, reply, request.params.id, {}),
  );

  app.post<{ Params: { id: string } }>(
    '/console/maintenance/:id/transition',
    guard,
    async (request, reply) => {
      const id = request.params.id;
      const body = formData(request.body);
      const message = { de: field(body, 'message_de') ?? '', en: field(body, 'message_en') ?? '' };
      const status = field(body, 'status') ?? '';
      const [current] = await loadMaintenanceViews(db, [id]);
      if (!current) throw notFound('maintenance', id);
      // The operator chose among the moves from the state they saw; if it moved since, say so.
      if (current.status !== field(body, 'from'))
        return detailPage(request, reply, id, { message, conflict: true, status: 409 });
      try {
        if (status === '') throw validationError([{ path: 'status', key: 'error.required' }]);
        await postMaintenanceUpdate({ ctx: ctxOf(request), input: { maintenanceId: id, status, message } });
        return reply.redirect(`/console/maintenance/${id}?notice=${status}`, 303);
      } catch (e) {
        if (isConflictError(e))
          return detailPage(request, reply, id, { message, conflict: true, status: 409 });
        if (!isValidationError(e)) throw e;
        return detailPage(request, reply, id, { message, errors: e.fields, status: 400 });
      }
    },
  );
}
