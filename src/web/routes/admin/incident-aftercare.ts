/**
 * @module Console: an incident's affected customers, restoration progress and hotline announcement
 * (`/console/incidents/:id/aftercare`). Forms post, then redirect back with a notice; refused
 * input re-renders the page with 400, the input kept and the errors beside the fields.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseResourceList } from '#src/domain/affected.ts';
import { announcementText } from '#src/domain/announcement.ts';
import { parseCsv } from '#src/domain/csv.ts';
import { type FieldError, validationError } from '#src/domain/errors.ts';
import { getIncident } from '#src/services/get-incident.ts';
import { getRestorationProgress } from '#src/services/get-restoration-progress.ts';
import { listAffectedCustomers } from '#src/services/list-affected-customers.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import { markResourcesRestored, type RestorationScope } from '#src/services/mark-resources-restored.ts';
import { notifyAffectedCustomers } from '#src/services/notify-affected-customers.ts';
import { setIncidentAnnouncement } from '#src/services/set-incident-announcement.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import type { MessageKey } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { type AftercareOptions, renderAftercare } from '#src/web/views/console/incident-aftercare.ts';
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
  restored: 'aftercare.notice.restored',
  announcement: 'aftercare.notice.announcement',
  notified: 'aftercare.notice.notified',
};

type Extra = Pick<
  AftercareOptions,
  'restorationValues' | 'restorationErrors' | 'announcementErrors' | 'notifyError'
> & {
  own?: { de: string; en: string };
};

export async function consoleAftercareRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.store.db;
  const guard = { preHandler: requireRole('operator') };
  const ctxOf = (request: FastifyRequest) => serviceContext(deps, staffActor(request));

  async function page(request: FastifyRequest, reply: FastifyReply, id: string, extra: Extra, status = 200) {
    const incident = await getIncident(db, id, { includeInternal: false });
    const [catalog, affected, progress, comms] = await Promise.all([
      loadCatalog(db),
      listAffectedCustomers(db, { incidentId: id }),
      getRestorationProgress(db, [id]),
      db.selectFrom('incident_communications').selectAll().where('incident_id', '=', id).executeTakeFirst(),
    ]);
    const generated = (locale: 'de' | 'en') =>
      incident.resolvedAt
        ? ''
        : announcementText({
            locale,
            timeZone: request.timeZone,
            now: deps.clock(),
            incidents: [
              {
                id,
                title: incident.title,
                status: incident.status,
                startedAt: incident.createdAt,
                override:
                  comms?.announcement_de || comms?.announcement_en
                    ? { de: comms.announcement_de ?? '', en: comms.announcement_en ?? '' }
                    : null,
              },
            ],
            maintenances: [],
          }).text;
    const body = renderAftercare({
      t: request.t,
      locale: request.locale,
      timeZone: request.timeZone,
      csrf: request.csrfToken(reply),
      incident,
      componentName: componentNamer(catalog.components, request.locale),
      affected,
      progress: progress.get(id)!,
      notified: {
        at: comms?.affected_notified_at ?? null,
        count: comms?.affected_notified_count ?? 0,
        follow: comms?.notify_affected === 1,
      },
      announcement: {
        generated: { de: generated('de'), en: generated('en') },
        own: extra.own ?? { de: comms?.announcement_de ?? '', en: comms?.announcement_en ?? '' },
      },
      ...extra,
    });
    const notice = noticeText(request.t, field(formData(request.query), 'notice'), notices);
    return sendConsolePage(
      request,
      reply,
      {
        title: `${request.t('aftercare.title')}: ${pick(incident.title, request.locale)}`,
        section: 'incidents',
        body,
        notice,
      },
      status,
    );
  }

  app.get<{ Params: { id: string } }>('/console/incidents/:id/aftercare', guard, (request, reply) =>
    page(request, reply, request.params.id, {}),
  );

  app.post<{ Params: { id: string } }>(
    '/console/incidents/:id/restoration',
    guard,
    async (request, reply) => {
      const id = request.params.id;
      const data = formData(request.body);
      const values = {
        values: field(data, 'values') ?? '',
        restored: field(data, 'restored') === '0' ? '0' : '1',
      };
      try {
        const scope = readScope(data);
        await markResourcesRestored({
          ctx: ctxOf(request),
          input: { incidentId: id, scope, restored: values.restored === '1' },
        });
        return reply.redirect(`/console/incidents/${id}/aftercare?notice=restored`, 303);
      } catch (e) {
        if (!isValidationError(e)) throw e;
        return page(request, reply, id, { restorationValues: values, restorationErrors: e.fields }, 400);
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    '/console/incidents/:id/notify-affected',
    guard,
    async (request, reply) => {
      const id = request.params.id;
      const follow = field(formData(request.body), 'follow') === '1';
      try {
        await notifyAffectedCustomers({ ctx: ctxOf(request), input: { incidentId: id, follow } });
        return reply.redirect(`/console/incidents/${id}/aftercare?notice=notified`, 303);
      } catch (e) {
        if (!isConflictError(e)) throw e;
        return page(request, reply, id, { notifyError: request.t('aftercare.error.resolved') }, 409);
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    '/console/incidents/:id/announcement',
    guard,
    async (request, reply) => {
      const id = request.params.id;
      const data = formData(request.body);
      const own = { de: field(data, 'announcement_de') ?? '', en: field(data, 'announcement_en') ?? '' };
      try {
        await setIncidentAnnouncement({ ctx: ctxOf(request), input: { incidentId: id, ...own } });
        return reply.redirect(`/console/incidents/${id}/aftercare?notice=announcement`, 303);
      } catch (e) {
        if (!isValidationError(e)) throw e;
        return page(request, reply, id, { own, announcementErrors: e.fields }, 400);
      }
    },
  );
}

function readScope(data: Record<string, string | string[] | undefined>): RestorationScope {
  const scope = field(data, 'scope');
  if (scope === 'all') return { kind: 'all' };
  if (scope === 'component') return { kind: 'component', componentId: field(data, 'componentId') ?? '' };
  const list = parseResourceList(field(data, 'values') ?? '', parseCsv);
  if ('error' in list) {
    const error: FieldError = {
      path: 'values',
      key: 'restoration.error.csv',
      params: { line: list.error.line },
    };
    throw validationError([error]);
  }
  return { kind: 'values', values: list.values };
}
