/**
 * @module Console: incidents. List (open first), declare (with a template picker), the incident
 * page with its timeline, posting updates and resolving. Refused input re-renders the form with
 * 400 and the input kept; a race with another operator (incident resolved meanwhile) shows a
 * conflict message with 409, never an error page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '#src/domain/errors.ts';
import { validationError } from '#src/domain/errors.ts';
import { incidentStatuses, openIncidentStatuses } from '#src/domain/incident.ts';
import type { Tx } from '#src/services/context.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { findTemplate } from '#src/services/find-template.ts';
import { getIncident } from '#src/services/get-incident.ts';
import { getIncidentAlertRecovery } from '#src/services/get-incident-alert-recovery.ts';
import { listIncidentClouds } from '#src/services/list-incident-clouds.ts';
import { listIncidents } from '#src/services/list-incidents.ts';
import { listTemplates } from '#src/services/list-templates.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { setIncidentClouds } from '#src/services/set-incident-clouds.ts';
import type { IncidentView } from '#src/services/views.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import type { MessageKey } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { renderResolutionProposal } from '#src/web/views/console/alert-pages.ts';
import { renderIncidentClouds } from '#src/web/views/console/incident-clouds.ts';
import {
  field,
  formData,
  isConflictError,
  isValidationError,
  noticeText,
  pageParam,
  sendConsolePage,
} from '#src/web/views/console/incident-common.ts';
import { type IncidentDetailOptions, renderIncidentDetail } from '#src/web/views/console/incident-detail.ts';
import {
  applyTemplateToDeclare,
  checkVisibility,
  type DeclareValues,
  declareInput,
  readDeclareValues,
  renderDeclareForm,
  toComponentFields,
} from '#src/web/views/console/incident-form.ts';
import { renderIncidentList } from '#src/web/views/console/incident-list.ts';
import {
  applyTemplateToUpdate,
  checkUpdate,
  readResolveValues,
  readUpdateValues,
  resolvePrefix,
  toResolveFields,
  updateInput,
} from '#src/web/views/console/incident-update-form.ts';
import { formatDateTime, pick } from '#src/web/views/format.ts';

const notices: Record<string, MessageKey> = {
  declared: 'console.incidents.notice.declared',
  updated: 'console.incidents.notice.updated',
  resolved: 'console.incidents.notice.resolved',
  clouds: 'partner.clouds.saved',
};

/** All open incidents, however many: the open list is never cut off. */
async function allOpenIncidents(db: Tx): Promise<IncidentView[]> {
  const out: IncidentView[] = [];
  for (let page = 1; ; page++) {
    const batch = await listIncidents(db, { status: 'open', page, perPage: 100 });
    out.push(...batch.incidents);
    if (page >= batch.pages) return out;
  }
}

export async function consoleIncidentRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.store.db;
  const guard = { preHandler: requireRole('operator') };
  const ctxOf = (request: FastifyRequest) => serviceContext(deps, staffActor(request));

  app.get('/console/incidents', guard, async (request, reply) => {
    const query = formData(request.query);
    const [open, resolved, catalog] = await Promise.all([
      allOpenIncidents(db),
      listIncidents(db, { status: 'resolved', page: pageParam(field(query, 'page')), perPage: 20 }),
      loadCatalog(db),
    ]);
    const { locale, timeZone, t } = request;
    return sendConsolePage(request, reply, {
      title: t('console.incidents.title'),
      section: 'incidents',
      notice: noticeText(t, field(query, 'notice'), notices),
      body: renderIncidentList({ t, locale, timeZone, catalog, open, resolved }),
    });
  });

  async function declarePage(
    request: FastifyRequest,
    reply: FastifyReply,
    state: { values?: DeclareValues; errors?: FieldError[]; status?: number },
  ) {
    const query = formData(request.query);
    const [catalog, templates] = await Promise.all([
      loadCatalog(db),
      listTemplates(db, { statuses: openIncidentStatuses }),
    ]);
    const catalogIds = catalog.components.map((c) => c.id);
    let values = state.values ?? readDeclareValues(query, catalogIds);
    const templateId = state.values ? undefined : field(query, 'template') || undefined;
    const template = templateId ? await findTemplate(db, templateId) : null;
    if (template) values = applyTemplateToDeclare(values, template);
    const t = request.t;
    return sendConsolePage(
      request,
      reply,
      {
        title: t('console.incidents.declareTitle'),
        section: 'incidents',
        body: renderDeclareForm({
          t,
          locale: request.locale,
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

  app.get('/console/incidents/new', guard, (request, reply) => declarePage(request, reply, {}));

  app.post('/console/incidents', guard, async (request, reply) => {
    const catalog = await loadCatalog(db);
    const catalogIds = catalog.components.map((c) => c.id);
    const values = readDeclareValues(formData(request.body), catalogIds);
    const input = declareInput(values);
    try {
      const refused = checkVisibility(values.visibility);
      if (refused.length > 0) throw validationError(refused);
      const { id } = await declareIncident({ ctx: ctxOf(request), input });
      return reply.redirect(`/console/incidents/${id}?notice=declared`, 303);
    } catch (e) {
      if (!isValidationError(e)) throw e;
      const order = input.components.map((c) => c.componentId);
      return declarePage(request, reply, { values, errors: toComponentFields(e.fields, order), status: 400 });
    }
  });

  type DetailState = Partial<
    Pick<IncidentDetailOptions, 'update' | 'resolve' | 'updateErrors' | 'resolveErrors' | 'conflict'>
  > & { status?: number; clouds?: { typed: string; errors: FieldError[] } };

  async function detailPage(request: FastifyRequest, reply: FastifyReply, id: string, state: DetailState) {
    const query = formData(request.query);
    const [incident, catalog, templates, clouds, recovery] = await Promise.all([
      getIncident(db, id, { includeInternal: true }),
      loadCatalog(db),
      listTemplates(db, { statuses: incidentStatuses }),
      listIncidentClouds(db, id),
      getIncidentAlertRecovery(db, id),
    ]);
    const ids = catalog.components.map((c) => c.id);
    let update = state.update ?? readUpdateValues(query, incident, ids);
    // The resolve form starts from the first "resolved" template, if the team has one.
    const resolvedTemplate = templates.find((x) => x.status === 'resolved');
    let resolve = state.resolve ?? readResolveValues({}, resolvedTemplate);
    const picking = !state.update && !state.resolve;
    const templateId = picking ? field(query, 'template') || undefined : undefined;
    const template = templateId ? await findTemplate(db, templateId) : null;
    // A "resolved" template belongs in the resolve form; any other fills the update form.
    if (template?.status === 'resolved') {
      resolve = { ...resolve, message_de: template.body.de, message_en: template.body.en };
    } else if (template) {
      update = applyTemplateToUpdate(update, template);
    }
    const { t, locale, timeZone } = request;
    // The alerts that opened it have all ended: propose resolving it (docs/ALERTS.md).
    const csrf = request.csrfToken(reply);
    const proposal =
      incident.resolvedAt === null
        ? renderResolutionProposal({ t, locale, timeZone, csrf }, id, recovery, resolvePrefix)
        : '';
    return sendConsolePage(
      request,
      reply,
      {
        title: pick(incident.title, locale),
        section: 'incidents',
        notice: noticeText(t, field(query, 'notice'), notices),
        body: renderIncidentDetail({
          t,
          locale,
          timeZone,
          csrf: request.csrfToken(reply),
          incident,
          catalog,
          templates,
          templateId,
          templateMissing: templateId !== undefined && !template,
          update,
          resolve,
          updateErrors: state.updateErrors,
          resolveErrors: state.resolveErrors,
          conflict: state.conflict,
          cloudsBlock:
            proposal +
            renderIncidentClouds({
              t,
              csrf: request.csrfToken(reply),
              incidentId: id,
              open: incident.resolvedAt === null,
              clouds,
              typed: state.clouds?.typed,
              errors: state.clouds?.errors ?? [],
            }),
        }),
      },
      state.status,
    );
  }

  /** The page again with 409 and what the operator typed, after the incident was resolved meanwhile. */
  async function resolvedMeanwhile(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    text: { de: string; en: string },
  ) {
    const incident = await getIncident(db, id, { includeInternal: false });
    const at = formatDateTime(incident.resolvedAt ?? incident.updatedAt, request.locale, request.timeZone);
    const message = request.t('console.incidents.conflictResolved', { at });
    return detailPage(request, reply, id, { conflict: { message, text }, status: 409 });
  }

  app.get<{ Params: { id: string } }>('/console/incidents/:id', guard, (request, reply) =>
    detailPage(request, reply, request.params.id, {}),
  );

  app.post<{ Params: { id: string } }>('/console/incidents/:id/updates', guard, async (request, reply) => {
    const id = request.params.id;
    const [incident, catalog] = await Promise.all([
      getIncident(db, id, { includeInternal: false }),
      loadCatalog(db),
    ]);
    const values = readUpdateValues(
      formData(request.body),
      incident,
      catalog.components.map((c) => c.id),
    );
    const text = { de: values.message_de, en: values.message_en };
    if (incident.resolvedAt !== null) return resolvedMeanwhile(request, reply, id, text);
    const input = updateInput(id, values);
    try {
      const refused = checkUpdate(values);
      if (refused.length > 0) throw validationError(refused);
      await postIncidentUpdate({ ctx: ctxOf(request), input });
      return reply.redirect(`/console/incidents/${id}?notice=updated`, 303);
    } catch (e) {
      if (isConflictError(e)) return resolvedMeanwhile(request, reply, id, text);
      if (!isValidationError(e)) throw e;
      const order = (input.components ?? []).map((c) => c.componentId);
      const updateErrors = toComponentFields(e.fields, order);
      return detailPage(request, reply, id, { update: values, updateErrors, status: 400 });
    }
  });

  app.post<{ Params: { id: string } }>('/console/incidents/:id/resolve', guard, async (request, reply) => {
    const id = request.params.id;
    const incident = await getIncident(db, id, { includeInternal: false });
    const values = readResolveValues(formData(request.body), undefined);
    const message = { de: values.message_de, en: values.message_en };
    if (incident.resolvedAt !== null) return resolvedMeanwhile(request, reply, id, message);
    try {
      await resolveIncident({
        ctx: ctxOf(request),
        input: { incidentId: id, message, visibility: values.visibility },
      });
      return reply.redirect(`/console/incidents/${id}?notice=resolved`, 303);
    } catch (e) {
      if (isConflictError(e)) return resolvedMeanwhile(request, reply, id, message);
      if (!isValidationError(e)) throw e;
      return detailPage(request, reply, id, {
        resolve: values,
        resolveErrors: toResolveFields(e.fields),
        status: 400,
      });
    }
  });

  app.post<{ Params: { id: string } }>('/console/incidents/:id/clouds', guard, async (request, reply) => {
    const id = request.params.id;
    const typed = field(formData(request.body), 'clouds') ?? '';
    try {
      await setIncidentClouds({
        ctx: ctxOf(request),
        input: { incidentId: id, clouds: typed.split(/[\s,;]+/).filter(Boolean) },
      });
      return reply.redirect(`/console/incidents/${id}?notice=clouds`, 303);
    } catch (e) {
      if (isConflictError(e)) return resolvedMeanwhile(request, reply, id, { de: typed, en: '' });
      if (!isValidationError(e)) throw e;
      return detailPage(request, reply, id, { clouds: { typed, errors: e.fields }, status: 400 });
    }
  });
}
