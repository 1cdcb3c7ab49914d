/**
 * @module Feeds: Atom (`/feed.atom`) and RSS (`/feed.rss`) of incidents and maintenance, the 50
 * most recently changed; iCalendar (`/maintenance.ics`) of scheduled, running and recent (30 days)
 * maintenance. Public data only (internal incident updates never appear), in the reader's
 * language (`?lang=` → Accept-Language → German), cacheable with an ETag over the exact bytes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validationError } from '#src/domain/errors.ts';
import { isValidTimeZone } from '#src/domain/zoned-time.ts';
import { listIncidents } from '#src/services/list-incidents.ts';
import { listMaintenances } from '#src/services/list-maintenances.ts';
import { loadCatalog } from '#src/services/load-catalog.ts';
import type { MaintenanceView } from '#src/services/views.ts';
import type { AppDeps } from '#src/web/deps.ts';
import type { Locale } from '#src/web/i18n/index.ts';
import { etagOf, readerLocale, sendCacheable, withoutCookies } from '#src/web/routes/api/v2/http-cache.ts';
import { loadPageTimes } from '#src/web/routes/api/v2/load.ts';
import { type FeedMeta, renderAtom } from '#src/web/views/feeds/atom.ts';
import { newestEntries } from '#src/web/views/feeds/entries.ts';
import { maintenanceEvent, renderCalendar } from '#src/web/views/feeds/ical.ts';
import { renderRss } from '#src/web/views/feeds/rss.ts';
import { feedStrings } from '#src/web/views/feeds/strings.ts';
import { messageText } from '#src/web/views/feeds/xml.ts';
import { pick } from '#src/web/views/format.ts';

const feedSize = 50;
const recentDays = 30;
/** Feed readers poll; a minute keeps an outage's news fresh without a query per poll. */
const maxAgeSeconds = 60;

/** `?tz=` for the times written into summaries; the page's zone without it. */
function readerZone(request: FastifyRequest, fallback: string): string {
  const tz = (request.query as Record<string, unknown> | undefined)?.tz;
  if (tz === undefined) return fallback;
  if (typeof tz === 'string' && isValidTimeZone(tz)) return tz;
  throw validationError([{ path: 'tz', key: 'error.invalidValue', params: { value: String(tz) } }]);
}

async function xmlFeed(deps: AppDeps, request: FastifyRequest, path: string) {
  const locale = readerLocale(request);
  const timeZone = readerZone(request, deps.config.defaultTimeZone);
  const { publicUrl, pageName } = deps.config;
  const [{ incidents }, maintenances] = await Promise.all([
    listIncidents(deps.store.db, { perPage: feedSize, status: 'all' }),
    listMaintenances(deps.store.db, { filter: 'all', limit: feedSize }),
  ]);
  const entries = newestEntries(incidents, maintenances, { locale, timeZone, publicUrl }, feedSize);
  const strings = feedStrings[locale];
  const meta: FeedMeta = {
    title: `${pageName} – ${strings.feedTitle}`,
    description: strings.feedDescription,
    language: locale,
    selfUrl: `${publicUrl}${path}?lang=${locale}`,
    siteUrl: `${publicUrl}/`,
    author: pageName,
    updated: entries[0]?.updated ?? (await emptyFeedUpdated(deps)),
  };
  return { meta, entries };
}

/**
 * A feed without entries still needs an `updated`: the page's last public change (the catalog at
 * least), so the bytes and the ETag stay the same until something happens.
 */
async function emptyFeedUpdated(deps: AppDeps): Promise<string> {
  return (await loadPageTimes(deps.store.db)).pageUpdatedAt ?? new Date(0).toISOString();
}

/** Windows a calendar should show: scheduled, running, and those ended in the last 30 days. */
async function calendarWindows(deps: AppDeps): Promise<MaintenanceView[]> {
  const db = deps.store.db;
  const since = new Date(deps.clock().getTime() - recentDays * 24 * 3600_000).toISOString();
  const [upcoming, active, past] = await Promise.all([
    listMaintenances(db, { filter: 'upcoming', limit: 500 }),
    listMaintenances(db, { filter: 'active', limit: 500 }),
    listMaintenances(db, { filter: 'past', limit: 500 }),
  ]);
  const recent = past.filter((m) => m.scheduledEnd >= since || (m.completedAt ?? '') >= since);
  return [...upcoming, ...active, ...recent].sort(
    (a, b) => a.scheduledStart.localeCompare(b.scheduledStart) || a.id.localeCompare(b.id),
  );
}

async function calendar(deps: AppDeps, locale: Locale): Promise<string> {
  const [windows, catalog] = await Promise.all([calendarWindows(deps), loadCatalog(deps.store.db)]);
  const strings = feedStrings[locale];
  const names = new Map(catalog.components.map((c) => [c.id, pick(c.name, locale)]));
  const host = new URL(deps.config.publicUrl).hostname;
  const events = windows.map((m) => {
    const latest = m.updates.find((u) => pick(u.body, locale).trim() !== '');
    const affected = m.componentIds.map((id) => names.get(id) ?? id);
    return maintenanceEvent(m, {
      host,
      url: `${deps.config.publicUrl}/maintenance/${encodeURIComponent(m.id)}`,
      title: pick(m.title, locale),
      text: latest ? messageText(pick(latest.body, locale)) : '',
      affected: affected.length > 0 ? `${strings.affected}: ${affected.join(', ')}` : '',
      cancelledLabel: strings.cancelled,
    });
  });
  return renderCalendar(
    {
      name: `${deps.config.pageName} – ${strings.calendarName}`,
      description: strings.calendarDescription,
      language: locale.toUpperCase(),
    },
    events,
  );
}

function send(request: FastifyRequest, reply: FastifyReply, type: string, body: string) {
  return sendCacheable(request, reply, { body, etag: etagOf(body), type, maxAgeSeconds });
}

export async function feedRoutes(app: FastifyInstance, deps: AppDeps) {
  await app.register(async (feeds) => {
    feeds.addHook('onSend', withoutCookies);

    feeds.get('/feed.atom', async (request, reply) => {
      const { meta, entries } = await xmlFeed(deps, request, '/feed.atom');
      return send(request, reply, 'application/atom+xml; charset=utf-8', renderAtom(meta, entries));
    });

    feeds.get('/feed.rss', async (request, reply) => {
      const { meta, entries } = await xmlFeed(deps, request, '/feed.rss');
      return send(request, reply, 'application/rss+xml; charset=utf-8', renderRss(meta, entries));
    });

    feeds.get('/maintenance.ics', async (request, reply) => {
      const body = await calendar(deps, readerLocale(request));
      reply.header('content-disposition', 'inline; filename="maintenance.ics"');
      return send(request, reply, 'text/calendar; charset=utf-8', body);
    });
  });
}
