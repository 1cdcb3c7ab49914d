import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectorStats } from '#src/adapters/hep/collector.ts';
import { bindCollectorMetrics } from '#src/adapters/hep/collector-metrics.ts';
import { metrics } from '#src/adapters/metrics/registry.ts';
import { countInvite, countInviteFinal, emptyCounts } from '#src/domain/kpi.ts';
import { recordTelemetryWindows } from '#src/services/record-telemetry-windows.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { seedMiniCatalog, testClock, testContext } from '../../../test/support/factories.ts';
import { promtoolCheck, promtoolSkipReason } from '../../../test/support/promtool.ts';

const token = 'metrics-token-0123456789abcdef';
let t: TestApp;
let unbind: () => void;
const stats: CollectorStats = {
  packets: { udp: 10, tcp: 2 },
  bytes: { udp: 5000, tcp: 900 },
  decoded: 9,
  dropped: { bad_magic: 3 },
  unmatched: 4,
  untracked: 0,
  windowsFlushed: 1,
  flushFailures: 0,
  windowsLost: 0,
  connectionsRefused: 0,
};

beforeAll(async () => {
  t = await buildTestApp({
    clock: testClock('2026-11-22T04:01:05.000Z'),
    env: { DIALTONE_METRICS_TOKEN: token },
  });
  await seedMiniCatalog(t.store);
  await t.store.db
    .insertInto('telemetry_peers')
    .values([
      {
        id: 'carrier-a',
        component_id: 'sip-trunk',
        name_de: 'A',
        name_en: 'A',
        match: '192.0.2.1',
        port: null,
        position: 0,
      },
      {
        id: 'quiet',
        component_id: 'sip-trunk',
        name_de: 'Q',
        name_en: 'Q',
        match: '192.0.2.2',
        port: null,
        position: 1,
      },
    ])
    .execute();
  const c = emptyCounts();
  for (const code of [200, 200, 503, 486]) {
    countInvite(c);
    countInviteFinal(c, code, false);
  }
  c.pdd_sum_ms = 1200;
  c.pdd_count = 4;
  const ctx = testContext(t.store, t.clock);
  await recordTelemetryWindows({
    ctx,
    input: { windows: [{ peerId: 'carrier-a', startedAt: new Date('2026-11-22T04:00:30.000Z'), counts: c }] },
  });
  unbind = bindCollectorMetrics(metrics, { stats, tracked: () => 7 });
});

afterAll(async () => {
  unbind();
  await t.close();
});

const get = (authorization?: string) =>
  t.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  it('asks for the bearer token when one is configured', async () => {
    expect((await get()).statusCode).toBe(401);
    const wrong = await get('Bearer nope');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('Bearer');
  });

  it('serves collector counters and per-peer KPIs of the last complete minute', async () => {
    const res = await get(`Bearer ${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const body = res.body;
    expect(body).toContain('dialtone_hep_packets_received_total{transport="udp"} 10');
    expect(body).toContain('dialtone_hep_packets_dropped_total{reason="bad_magic"} 3');
    expect(body).toContain('dialtone_hep_tracked_transactions 7');
    expect(body).toContain('dialtone_peer_invites{peer="carrier-a",component="sip-trunk"} 4');
    expect(body).toContain('dialtone_peer_asr_ratio{peer="carrier-a",component="sip-trunk"} 0.5');
    expect(body).toContain('dialtone_peer_isa_ratio{peer="carrier-a",component="sip-trunk"} 0.25');
    expect(body).toContain('dialtone_peer_pdd_seconds{peer="carrier-a",component="sip-trunk"} 0.3');
    // a peer without traffic shows 0 attempts and no ratio (no denominator)
    expect(body).toContain('dialtone_peer_invites{peer="quiet",component="sip-trunk"} 0');
    expect(body).not.toContain('dialtone_peer_asr_ratio{peer="quiet"');
    // counters only grow by what changed since the last scrape
    stats.packets.udp = 15;
    const again = (await get(`Bearer ${token}`)).body;
    expect(again).toContain('dialtone_hep_packets_received_total{transport="udp"} 15');
  });

  it('still answers with the process metrics when peer KPIs cannot be read', async () => {
    const other = await buildTestApp({ env: { DIALTONE_METRICS_TOKEN: token } });
    // the read fails as it would with the database gone (other requests still work here)
    await other.store.db.schema.dropTable('telemetry_windows').execute();
    const res = await other.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('dialtone_telemetry_store_up 0');
    expect(res.body).toContain('dialtone_hep_packets_received_total');
    await other.close();
  });

  const skip = promtoolSkipReason();
  it.skipIf(skip !== null)('is valid for promtool check metrics', async () => {
    const res = await get(`Bearer ${token}`);
    expect(promtoolCheck(res.body)).toEqual({ status: 0, output: '' });
  });
});
