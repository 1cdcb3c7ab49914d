/**
 * @module Statuspage-compatible read API under /api/v2: the public endpoints of Atlassian
 * Statuspage's API v2 with its field names and values, so widgets and aggregators built for it
 * work unchanged. Public data only, no authentication, readable cross-origin, cacheable.
 *
 * Every response is built once per (endpoint, language, change mark) and kept: the change mark
 * moves with every state change (see getChangeMark), so a busy outage with many polling widgets
 * costs one index lookup per request, and the ETag is a hash of the exact bytes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getChangeMark } from '#src/services/get-change-mark.ts';
import { listIncidents } from '#src/services/list-incidents.ts';
import { listMaintenances } from '#src/services/list-maintenances.ts';
import type { IncidentView } from '#src/services/views.ts';
import type { AppDeps } from '#src/web/deps.ts';
import type { Locale } from '#src/web/i18n/index.ts';
import { etagOf, readerLocale, sendCacheable, withoutCookies } from './http-cache.ts';
import { type Base, loadBase } from './load.ts';
import { presentIncident, presentMaintenance } from './presenters.ts';

/** Statuspage's incidents.json and scheduled-maintenances.json return the 50 most recent. */
const recentLimit = 50;
const maxAgeSeconds = 30;

type Build = (base: Base, deps: AppDeps) => Promise<object> | object;

const endpoints: Record<string, Build> = {
  'summary.json': (b) => ({
    page: b.page,
    components: b.components,
    incidents: b.snapshot.activeIncidents.map((i) => presentIncident(i, b.componentsById, b.ctx)),
    scheduled_maintenances: [...b.snapshot.activeMaintenances, ...b.snapshot.upcomingMaintenances].map((m) =>
      presentMaintenance(m, b.componentsById, b.ctx),
    ),
    status: b.status,
  }),
  'status.json': (b) => ({ page: b.page, status: b.status }),
  'components.json': (b) => ({ page: b.page, components: b.components }),
  'incidents.json': async (b, deps) => {
    const { incidents } = await listIncidents(deps.store.db, { perPage: recentLimit, status: 'all' });
    return { page: b.page, incidents: incidents.map((i) => presentIncident(i, b.componentsById, b.ctx)) };
  },
  'incidents/unresolved.json': async (b, deps) => ({
    page: b.page,
    incidents: (await allOpenIncidents(deps)).map((i) => presentIncident(i, b.componentsById, b.ctx)),
  }),
  'scheduled-maintenances.json': async (b, deps) => ({
    page: b.page,
    scheduled_maintenances: (
      await listMaintenances(deps.store.db, { filter: 'all', limit: recentLimit })
    ).map((m) => presentMaintenance(m, b.componentsById, b.ctx)),
  }),
  'scheduled-maintenances/upcoming.json': async (b, deps) => ({
    page: b.page,
    scheduled_maintenances: (await listMaintenances(deps.store.db, { filter: 'upcoming', limit: 500 })).map(
      (m) => presentMaintenance(m, b.componentsById, b.ctx),
    ),
  }),
  'scheduled-maintenances/active.json': async (b, deps) => ({
    page: b.page,
    scheduled_maintenances: (await listMaintenances(deps.store.db, { filter: 'active', limit: 500 })).map(
      (m) => presentMaintenance(m, b.componentsById, b.ctx),
    ),
  }),
};

/** Every open incident (Statuspage lists them all), page by page. */
async function allOpenIncidents(deps: AppDeps): Promise<IncidentView[]> {
  const out: IncidentView[] = [];
  for (let page = 1; ; page++) {
    const result = await listIncidents(deps.store.db, { page, perPage: 100, status: 'open' });
    out.push(...result.incidents);
    if (page >= result.pages) return out;
  }
}

interface Built {
  mark: string;
  body: string;
  etag: string;
}

export async function apiV2Routes(app: FastifyInstance, deps: AppDeps) {
  const built = new Map<string, Built>();

  async function respond(name: string, locale: Locale): Promise<Built> {
    // Read the mark before the data: a change during the build leaves a newer mark behind, so
    // the next request rebuilds instead of serving these bytes under the new mark.
    const mark = await getChangeMark(deps.store.db);
    const key = `${name}|${locale}`;
    const hit = built.get(key);
    if (hit?.mark === mark) return hit;
    const base = await loadBase(deps, locale);
    const body = JSON.stringify(await endpoints[name]!(base, deps));
    const fresh = { mark, body, etag: etagOf(body) };
    built.set(key, fresh);
    return fresh;
  }

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (_request, reply) => {
        // Widgets on customers' own sites fetch this cross-origin; the data is public anyway.
        reply.header('access-control-allow-origin', '*');
        reply.header('access-control-expose-headers', 'ETag');
      });
      api.addHook('onSend', withoutCookies);

      for (const name of Object.keys(endpoints)) {
        api.get(`/${name}`, async (request: FastifyRequest, reply: FastifyReply) => {
          const locale = readerLocale(request);
          const r = await respond(name, locale);
          return sendCacheable(request, reply, {
            body: r.body,
            etag: r.etag,
            type: 'application/json; charset=utf-8',
            maxAgeSeconds,
          });
        });
      }

      // Preflight for clients that send non-simple headers (If-None-Match from scripts, …).
      api.options('/*', async (_request, reply) =>
        reply
          .code(204)
          .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
          .header('access-control-allow-headers', 'Accept, Accept-Language, If-None-Match, Cache-Control')
          .header('access-control-max-age', '86400')
          .send(),
      );

      api.setNotFoundHandler(async (request, reply) =>
        reply
          .code(404)
          .send({ error: { code: 'not_found', message: request.t('page.notFound'), fields: [] } }),
      );
    },
    { prefix: '/api/v2' },
  );
}
