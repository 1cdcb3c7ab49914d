/**
 * @module `GET /` (and HEAD): the status page, the hottest route. A rendering is cached in memory
 * per change mark, language, zone, local date and page name, so a request costs one index lookup
 * (the change mark) and a map lookup; browsers revalidate with the ETag and get a 304.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addDays, localDate, startOfLocalDate } from '#src/domain/zoned-time.ts';
import { getChangeMark } from '#src/services/get-change-mark.ts';
import { getRestorationProgress } from '#src/services/get-restoration-progress.ts';
import { getStatusSnapshot } from '#src/services/get-status-snapshot.ts';
import { getUptime } from '#src/services/get-uptime.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { renderStatusPage } from '#src/web/views/public/status-page.ts';
import { renderedPage, sendPage } from './http-cache.ts';
import { readerOf } from './reader.ts';
import { RenderCache } from './render-cache.ts';
import type { StatusFastPath } from './status-fast-path.ts';

/** Days of uptime bars on the status page. */
export const uptimeDays = 90;

/**
 * Runs one call at a time; callers arriving while it runs share its answer. Under a crowd the
 * change mark is then read once per query time instead of once per request, and what a reader
 * sees is at most one query's time older than the newest change.
 */
function singleFlight<T>(call: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= call().finally(() => {
      running = null;
    });
    return running;
  };
}

/** The local date in a zone, recomputed only when the day may have changed (Intl is slow-ish). */
const days = new Map<string, { date: string; from: number; until: number }>();
function today(now: Date, timeZone: string): string {
  const t = now.getTime();
  const hit = days.get(timeZone);
  if (hit && t >= hit.from && t < hit.until) return hit.date;
  const date = localDate(now, timeZone);
  const from = startOfLocalDate(date, timeZone).getTime();
  const until = startOfLocalDate(addDays(date, 1), timeZone).getTime();
  if (days.size > 256) days.clear();
  days.set(timeZone, { date, from, until });
  return date;
}

export async function statusPageRoute(app: FastifyInstance, deps: AppDeps, fastPath?: StatusFastPath) {
  // A minute: today's bar and the percentage of a running outage grow without any state
  // change, and downtimes are shown to the minute. A rendering costs tens of milliseconds
  // (mostly the uptime computation), so once a minute per variant is cheap. 64 variants (two
  // languages times a handful of zones and days) fit in a few MB.
  const cache = new RenderCache({ maxEntries: 64, ttlMs: 60_000 });
  const db = deps.store.db;
  const changeMark = singleFlight(() => getChangeMark(db));

  app.get('/', async (request, reply) => {
    const now = deps.clock();
    const reader = readerOf(request, deps);
    // The mark is read before the data: a change in between makes the next request re-render.
    const mark = await changeMark();
    const key = [mark, reader.locale, reader.timeZone, today(now, reader.timeZone), reader.pageName].join(
      '\n',
    );
    const page = await cache.get(key, now.getTime(), async () => {
      const [snapshot, uptime] = await Promise.all([
        getStatusSnapshot(db, now),
        getUptime(db, { now, days: uptimeDays, timeZone: reader.timeZone }),
      ]);
      const restoration = await getRestorationProgress(
        db,
        snapshot.activeIncidents.map((i) => i.id),
      );
      return renderedPage(renderStatusPage(reader, { snapshot, uptime, restoration }));
    });
    // A plain anonymous request in the default zone is what the fast path answers: tell it
    // that this copy is current (only such a request may vouch for the crowd's copy).
    if (fastPath && isPlainRequest(request, deps)) fastPath.confirm(reader.locale, page);
    return sendPage(request, reply, page);
  });

  if (fastPath) {
    // A write handled here may have changed the page: forget the crowd's copies once it is done
    // (the fast path also forgets when a write arrives, before it commits).
    app.addHook('onResponse', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') fastPath.forget();
    });
  }
}

function isPlainRequest(request: FastifyRequest, deps: AppDeps): boolean {
  return (
    request.url === '/' &&
    request.headers.cookie === undefined &&
    request.headers.authorization === undefined &&
    request.timeZone === deps.config.defaultTimeZone
  );
}
