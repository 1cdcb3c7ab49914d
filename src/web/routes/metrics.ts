/**
 * @module `GET /metrics` in the Prometheus text format 0.0.4: the process-wide registry (HEP
 * collector, probes, alerts) and every telemetry peer's KPIs over the last complete minute, read
 * from the store so any process serves them. With `DIALTONE_METRICS_TOKEN` set, a scraper sends
 * `Authorization: Bearer <token>`; compared as SHA-256 digests in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MetricsRegistry, metrics, metricsContentType } from '#src/adapters/metrics/registry.ts';
import { getLastMinuteByPeer } from '#src/services/get-last-minute-by-peer.ts';
import type { AppDeps } from '../deps.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

export async function metricsRoutes(app: FastifyInstance, deps: AppDeps) {
  const expected = deps.config.metricsToken ? digest(deps.config.metricsToken) : null;
  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    if (expected) {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(digest(given), expected)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer realm="metrics"')
          .type('text/plain; charset=utf-8')
          .send('401 unauthorized: send Authorization: Bearer <DIALTONE_METRICS_TOKEN>\n');
      }
    }
    // Without the database the process metrics still answer (a scrape failing whole would hide
    // the collector counters exactly when they matter); the store's state is its own gauge.
    let peers = '';
    let storeUp = 1;
    try {
      peers = await (await peerKpis(deps)).render();
    } catch (err) {
      storeUp = 0;
      request.log.warn({ err }, 'peer KPIs for /metrics could not be read');
    }
    const text = `${await metrics.render()}${peers}${storeGauge(storeUp)}`;
    return reply.type(metricsContentType).header('cache-control', 'no-store').send(text);
  });
}

function storeGauge(up: number): string {
  const r = new MetricsRegistry();
  r.gauge(
    'dialtone_telemetry_store_up',
    'Whether /metrics could read peer KPIs from the database (1/0).',
  ).set({}, up);
  return r.renderSync();
}

/** Gauges per peer, without the series whose ratio has no denominator this minute. */
async function peerKpis(deps: AppDeps): Promise<MetricsRegistry> {
  const r = new MetricsRegistry();
  const labels = ['peer', 'component'];
  const g = {
    invites: r.gauge(
      'dialtone_peer_invites',
      'INVITEs sent to the peer in the last complete minute.',
      labels,
    ),
    asr: r.gauge('dialtone_peer_asr_ratio', 'Answer-seizure ratio, last complete minute.', labels),
    ner: r.gauge(
      'dialtone_peer_ner_ratio',
      'Network effectiveness ratio (SEER), last complete minute.',
      labels,
    ),
    ser: r.gauge('dialtone_peer_ser_ratio', 'Session establishment ratio, last complete minute.', labels),
    isa: r.gauge('dialtone_peer_isa_ratio', 'Ineffective session attempts, last complete minute.', labels),
    pdd: r.gauge('dialtone_peer_pdd_seconds', 'Mean post-dial delay, last complete minute.', labels),
    regOk: r.gauge(
      'dialtone_peer_registration_success_ratio',
      'Share of REGISTER attempts that succeeded, last complete minute.',
      labels,
    ),
    regTime: r.gauge(
      'dialtone_peer_registration_seconds',
      'Mean registration time, last complete minute.',
      labels,
    ),
  };
  for (const p of await getLastMinuteByPeer(deps.store.db, deps.clock())) {
    const l = { peer: p.peerId, component: p.componentId };
    g.invites.set(l, p.counts.invites);
    const k = p.kpis;
    const pairs: [keyof typeof g, number | null][] = [
      ['asr', k.asr],
      ['ner', k.ner],
      ['ser', k.ser],
      ['isa', k.isa],
      ['pdd', k.pddMs === null ? null : k.pddMs / 1000],
      ['regOk', k.registrationSuccess],
      ['regTime', k.registrationMs === null ? null : k.registrationMs / 1000],
    ];
    for (const [name, v] of pairs) if (v !== null) g[name].set(l, v);
  }
  return r;
}
