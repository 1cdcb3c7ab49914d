/**
 * @module Public pages besides the status page: an incident with its public timeline, the
 * history, the maintenance list and one maintenance window. Not cached in memory (they are not
 * hot), but sent with ETags so that a reader's reload is a 304.
 */
import type { FastifyInstance } from 'fastify';
import type { Tx } from '#src/services/context.ts';
import { getIncident } from '#src/services/get-incident.ts';
import { getMaintenance } from '#src/services/get-maintenance.ts';
import { getRestorationProgress } from '#src/services/get-restoration-progress.ts';
import { listIncidents } from '#src/services/list-incidents.ts';
import { listMaintenances } from '#src/services/list-maintenances.ts';
import { listPastMaintenances } from '#src/services/list-past-maintenances.ts';
import type { AppDeps } from '#src/web/deps.ts';
import type { Locale } from '#src/web/i18n/index.ts';
import { pick } from '#src/web/views/format.ts';
import { renderHistoryPage } from '#src/web/views/public/history-page.ts';
import { renderIncidentPage } from '#src/web/views/public/incident-page.ts';
import { renderMaintenanceList, renderMaintenancePage } from '#src/web/views/public/maintenance-page.ts';
import { renderedPage, sendPage } from './http-cache.ts';
import { assertPageExists, pageParam, readerOf, translateNotFound } from './reader.ts';

/** Past maintenance shown on the history's first page; the maintenance list has all of it. */
const recentMaintenanceOnHistory = 5;

/** Component names in the reader's language, for the components an incident or window touches. */
async function componentNames(db: Tx, locale: Locale): Promise<Map<string, string>> {
  const rows = await db.selectFrom('components').select(['id', 'name_de', 'name_en']).execute();
  return new Map(rows.map((c) => [c.id, pick({ de: c.name_de, en: c.name_en }, locale)]));
}

export async function publicPageRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.store.db;

  app.get<{ Params: { id: string } }>('/incidents/:id', async (request, reply) => {
    const reader = readerOf(request, deps);
    const { id } = request.params;
    const [incident, names] = await Promise.all([
      getIncident(db, id, { includeInternal: false }).catch(
        translateNotFound('public.incident.notFound', id),
      ),
      componentNames(db, reader.locale),
    ]);
    const progress = incident.resolvedAt ? undefined : (await getRestorationProgress(db, [id])).get(id);
    const html = renderIncidentPage(reader, {
      incident,
      names,
      now: deps.clock(),
      url: request.url,
      progress,
    });
    return sendPage(request, reply, renderedPage(html));
  });

  app.get('/history', async (request, reply) => {
    const reader = readerOf(request, deps);
    const page = pageParam(request);
    const [incidents, pastMaintenance] = await Promise.all([
      listIncidents(db, { page, perPage: 20, includeInternal: false }),
      page === 1 ? listMaintenances(db, { filter: 'past', limit: recentMaintenanceOnHistory }) : [],
    ]);
    assertPageExists(page, incidents.pages);
    const html = renderHistoryPage(reader, {
      incidents,
      pastMaintenance,
      now: deps.clock(),
      url: request.url,
    });
    return sendPage(request, reply, renderedPage(html));
  });

  app.get('/maintenance', async (request, reply) => {
    const reader = readerOf(request, deps);
    const page = pageParam(request);
    const [active, upcoming, past] = await Promise.all([
      listMaintenances(db, { filter: 'active' }),
      listMaintenances(db, { filter: 'upcoming' }),
      listPastMaintenances(db, { page, perPage: 20 }),
    ]);
    assertPageExists(page, past.pages);
    const html = renderMaintenanceList(reader, {
      active,
      upcoming,
      past: { items: past.maintenances, page: past.page, pages: past.pages },
      url: request.url,
    });
    return sendPage(request, reply, renderedPage(html));
  });

  app.get<{ Params: { id: string } }>('/maintenance/:id', async (request, reply) => {
    const reader = readerOf(request, deps);
    const { id } = request.params;
    const [maintenance, names] = await Promise.all([
      getMaintenance(db, id).catch(translateNotFound('public.maintenance.notFound', id)),
      componentNames(db, reader.locale),
    ]);
    const html = renderMaintenancePage(reader, { maintenance, names, url: request.url });
    return sendPage(request, reply, renderedPage(html));
  });
}
