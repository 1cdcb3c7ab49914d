/**
 * @module Console: HEP telemetry per peer at /console/telemetry (list, last hour) and
 * /console/telemetry/:id?hours=1|6|24 (charts). Operators and admins; read-only.
 */
import type { FastifyInstance } from 'fastify';
import { notFound } from '#src/domain/errors.ts';
import { getPeerSeries } from '#src/services/get-peer-series.ts';
import { listPeerSummaries } from '#src/services/list-peer-summaries.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { requireRole } from '#src/web/plugins/guards.ts';
import { field, formBody } from '#src/web/views/console/kit.ts';
import {
  renderPeerListPage,
  renderPeerPage,
  type TelemetrySpan,
  telemetrySpans,
} from '#src/web/views/console/telemetry.ts';

const hourMs = 3_600_000;

export async function consoleTelemetryRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/console/telemetry', { preHandler: requireRole('operator') }, async (request, reply) => {
    const until = deps.clock();
    const peers = await listPeerSummaries(deps.store.db, {
      since: new Date(until.getTime() - hourMs),
      until,
    });
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderPeerListPage(request, reply, peers));
  });

  app.get<{ Params: { id: string } }>(
    '/console/telemetry/:id',
    { preHandler: requireRole('operator') },
    async (request, reply) => {
      const raw = Number(field(formBody(request.query), 'hours'));
      // Anything but an offered span shows the default (6 h): a bookmark with an odd value still works.
      const span: TelemetrySpan = raw in telemetrySpans ? (raw as TelemetrySpan) : 6;
      const bucketMs = telemetrySpans[span];
      const now = deps.clock().getTime();
      // Up to the end of the current bucket, so the newest (partial) minute is drawn too.
      const until = new Date(now - (now % bucketMs) + bucketMs);
      const since = new Date(until.getTime() - span * hourMs);
      const summaries = await listPeerSummaries(deps.store.db, { since, until });
      const peer = summaries.find((p) => p.id === request.params.id);
      if (!peer) throw notFound('peer', request.params.id);
      const buckets = await getPeerSeries(deps.store.db, { peerId: peer.id, since, until, bucketMs });
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(renderPeerPage(request, reply, { peer, span, buckets }));
    },
  );
}
