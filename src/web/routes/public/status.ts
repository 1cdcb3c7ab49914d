/**
 * @module `GET /` (and HEAD): the status page, the hottest route. A rendering is cached in memory
 * per change mark, language, zone, local date and page name, so a request costs one index lookup
 * (the change mark) and a map lookup; browsers revalidate with the ETag and get a 304.
 */
import type { FastifyInstance } from 'fastify';
import { localDate } from '#src/domain/zoned-time.ts';
import { getChangeMark } from '#src/services/get-change-mark.ts';
import { getStatusSnapshot } from '#src/services/get-status-snapshot.ts';
import { getUptime } from '#src/services/get-uptime.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { renderStatusPage } from '#src/web/views/public/status-page.ts';
import { renderedPage, sendPage } from './http-cache.ts';
import { readerOf } from './reader.ts';
import { RenderCache } from './render-cache.ts';

/** Days of uptime bars on the status page. */
export const uptimeDays = 90;

export async function statusPageRoute(app: FastifyInstance, deps: AppDeps) {
  // 30 s, like the Cache-Control max-age: today's bar of a running outage grows without any
  // state change, so a rendering is refreshed at least that often. 64 variants (two languages
  // times a handful of zones and days) fit in a few MB.
  const cache = new RenderCache({ maxEntries: 64, ttlMs: 30_000 });
  const db = deps.store.db;

  app.get('/', async (request, reply) => {
    const now = deps.clock();
    const reader = readerOf(request, deps);
    // The mark is read before the data: a change in between makes the next request re-render.
    const mark = await getChangeMark(db);
    const key = [mark, reader.locale, reader.timeZone, localDate(now, reader.timeZone), reader.pageName].join(
      '\n',
    );
    const page = await cache.get(key, now.getTime(), async () => {
      const [snapshot, uptime] = await Promise.all([
        getStatusSnapshot(db, now),
        getUptime(db, { now, days: uptimeDays, timeZone: reader.timeZone }),
      ]);
      return renderedPage(renderStatusPage(reader, { snapshot, uptime }));
    });
    return sendPage(request, reply, page);
  });
}
