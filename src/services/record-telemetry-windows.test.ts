import { expect, it } from 'vitest';
import { countInvite, countInviteFinal, emptyCounts, type WindowCounts } from '#src/domain/kpi.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { getLastMinuteByPeer } from './get-last-minute-by-peer.ts';
import { getPeerSeries } from './get-peer-series.ts';
import { pruneTelemetry } from './prune-telemetry.ts';
import { recordTelemetryWindows } from './record-telemetry-windows.ts';

function counts(codes: number[], pddMs = 0): WindowCounts {
  const c = emptyCounts();
  for (const code of codes) {
    countInvite(c);
    countInviteFinal(c, code, false);
  }
  c.pdd_sum_ms = pddMs;
  c.pdd_count = pddMs ? 1 : 0;
  return c;
}

describeEachStore('telemetry windows', (getStore) => {
  it('stores windows, merges a window written twice, and rolls them up per hour', async () => {
    const store = getStore();
    await seedMiniCatalog(store);
    await store.db.deleteFrom('telemetry_peers').execute();
    await store.db
      .insertInto('telemetry_peers')
      .values({
        id: 'carrier-a',
        component_id: 'sip-trunk',
        name_de: 'Carrier A',
        name_en: 'Carrier A',
        match: '192.0.2.0/24',
        port: null,
        position: 0,
      })
      .execute();
    const clock = testClock('2026-11-22T04:01:30.000Z');
    const ctx = testContext(store, clock);
    const w0 = new Date('2026-11-22T04:00:10.000Z');
    const w1 = new Date('2026-11-22T04:00:20.000Z');
    // 3 000 000 000 ms of PDD does not fit 32 bits: the sums are 64-bit
    const r = await recordTelemetryWindows({
      ctx,
      input: {
        windows: [
          { peerId: 'carrier-a', startedAt: w0, counts: counts([200, 503], 3_000_000_000) },
          { peerId: 'carrier-a', startedAt: w1, counts: counts([486]) },
          { peerId: 'gone', startedAt: w1, counts: counts([200]) },
        ],
      },
    });
    expect(r.stored).toBe(2);
    await recordTelemetryWindows({
      ctx,
      input: { windows: [{ peerId: 'carrier-a', startedAt: w0, counts: counts([503]) }] },
    });

    const rows = await store.db.selectFrom('telemetry_windows').selectAll().orderBy('started_at').execute();
    expect(rows.map((x) => [x.started_at, x.invites, JSON.parse(x.codes)])).toEqual([
      ['2026-11-22T04:00:10.000Z', 3, { '200': 1, '503': 2 }],
      ['2026-11-22T04:00:20.000Z', 1, { '486': 1 }],
    ]);
    const hourly = await store.db.selectFrom('telemetry_hourly').selectAll().execute();
    expect(hourly).toHaveLength(1);
    expect(hourly[0]).toMatchObject({ started_at: '2026-11-22T04:00:00.000Z', invites: 4, isa_failures: 2 });
    expect(Number(hourly[0]!.pdd_sum_ms)).toBe(3_000_000_000);

    const series = await getPeerSeries(store.db, {
      peerId: 'carrier-a',
      since: new Date('2026-11-22T04:00:00.000Z'),
      until: new Date('2026-11-22T04:02:00.000Z'),
      bucketMs: 60_000,
    });
    expect(series.map((b) => b.counts.invites)).toEqual([4, 0]);
    expect(series[0]!.kpis.asr).toBe(0.25);
    expect(series[1]!.kpis.asr).toBeNull();

    const minute = await getLastMinuteByPeer(store.db, clock());
    expect(minute).toEqual([expect.objectContaining({ peerId: 'carrier-a', componentId: 'sip-trunk' })]);
    expect(minute[0]!.kpis.isa).toBe(0.5);
  });

  it('adds up concurrent writes of the same window (two collectors) without losing one', async () => {
    const store = getStore();
    const ctx = testContext(store, testClock('2026-11-22T05:00:30.000Z'));
    const startedAt = new Date('2026-11-22T05:00:00.000Z');
    await Promise.all(
      Array.from({ length: 6 }, () =>
        recordTelemetryWindows({
          ctx,
          input: { windows: [{ peerId: 'carrier-a', startedAt, counts: counts([200, 503]) }] },
        }),
      ),
    );
    const row = await store.db
      .selectFrom('telemetry_windows')
      .selectAll()
      .where('started_at', '=', startedAt.toISOString())
      .executeTakeFirstOrThrow();
    expect([row.invites, JSON.parse(row.codes)]).toEqual([12, { '200': 6, '503': 6 }]);
  });

  it('drops raw windows after 14 days and hourly roll-ups after 400', async () => {
    const store = getStore();
    await store.db.deleteFrom('telemetry_windows').execute();
    await store.db.deleteFrom('telemetry_hourly').execute();
    const clock = testClock('2028-01-01T00:00:00.000Z');
    const ctx = testContext(store, clock);
    await recordTelemetryWindows({
      ctx,
      input: {
        windows: [
          { peerId: 'carrier-a', startedAt: new Date('2027-12-30T00:00:00.000Z'), counts: counts([200]) },
        ],
      },
    });
    expect(await pruneTelemetry({ ctx })).toEqual({ windows: 0, hourly: 0 });
    clock.set('2028-01-13T00:00:00.000Z');
    expect(await pruneTelemetry({ ctx })).toEqual({ windows: 0, hourly: 0 });
    const left = await store.db.selectFrom('telemetry_windows').select('started_at').execute();
    expect(left.map((x) => x.started_at)).toEqual(['2027-12-30T00:00:00.000Z']);
    clock.set('2028-01-13T00:00:01.000Z');
    expect(await pruneTelemetry({ ctx })).toEqual({ windows: 1, hourly: 0 });
    clock.set('2029-02-03T00:00:01.000Z');
    expect(await pruneTelemetry({ ctx })).toEqual({ windows: 0, hourly: 1 });
  });
});
