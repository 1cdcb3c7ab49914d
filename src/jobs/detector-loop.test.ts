import { beforeEach, expect, it } from 'vitest';
import { createLiveness } from '#src/jobs/liveness.ts';
import { rowFromCounts } from '#src/services/telemetry-rows.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../test/support/reports.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { seeded, windowOf } from '../../test/support/telemetry-simulation.ts';
import { systemActor } from '../services/context.ts';
import { detectReportClusters } from '../services/detect-report-clusters.ts';
import { handleReportAlert } from '../services/handle-report-alert.ts';
import { runDetectors } from './detector-loop.ts';

const normal = { 200: 60, 486: 12, 487: 15, 480: 8, 603: 5 };
const silentLog = { error: () => {}, warn: () => {} };

describeEachStore('detector loop', (getStore) => {
  const db = () => getStore().db;
  beforeEach(async () => {
    await db().deleteFrom('alerts').execute();
    await db().deleteFrom('job_leases').execute();
    await db().deleteFrom('telemetry_peers').execute();
    await db().deleteFrom('monitors').execute();
    await seedMiniCatalog(getStore());
    await db()
      .insertInto('telemetry_peers')
      .values({
        id: 'carrier-a',
        component_id: 'sip-trunk',
        name_de: 'Carrier A',
        name_en: 'Carrier A',
        match: '192.0.2.10',
        port: null,
        position: 0,
      })
      .execute();
  });

  /** 20 min of normal traffic ending at `end`, then `bad` windows with 40 % 503. */
  async function traffic(end: number, bad: number) {
    const rnd = seeded(42);
    const rows = Array.from({ length: 120 + bad }, (_, i) => {
      const counts = windowOf(40, i < 120 ? normal : { ...normal, 503: 67 }, rnd);
      return {
        peer_id: 'carrier-a',
        started_at: new Date(end - (120 - i) * 10_000).toISOString(),
        ...rowFromCounts(counts),
      };
    });
    for (let i = 0; i < rows.length; i += 50)
      await db()
        .insertInto('telemetry_windows')
        .values(rows.slice(i, i + 50))
        .execute();
  }

  const deps = (clock: ReturnType<typeof testClock>, holder = 'p1') => ({
    ctx: testContext(getStore(), clock, systemActor),
    holder,
    timeZone: 'Europe/Berlin',
    log: silentLog,
  });

  it('raises telemetry alerts on 503s, opens an incident by auto policy, and beats liveness', async () => {
    await db()
      .updateTable('components')
      .set({ alert_policy: 'auto' })
      .where('id', '=', 'sip-trunk')
      .execute();
    const start = Date.parse('2026-11-23T10:00:00.000Z');
    await traffic(start, 2);
    const clock = testClock(new Date(start + 20_000 + 4_000).toISOString());
    const watchdogClock = testClock();
    const liveness = createLiveness(watchdogClock);
    liveness.register('detector-loop', 10_000);
    watchdogClock.advance(25_000);
    expect(liveness.stalled(watchdogClock())).toEqual(['detector-loop']);
    const pass = await runDetectors({ ...deps(clock), liveness });
    expect(liveness.stalled(watchdogClock())).toEqual([]);
    expect(pass.skipped).toBe(false);
    expect(pass.raised).toEqual(
      expect.arrayContaining(['telemetry:default-503:carrier-a', 'telemetry:default-baseline:carrier-a']),
    );
    const alerts = await db().selectFrom('alerts').selectAll().where('state', '=', 'firing').execute();
    const incidentIds = new Set(alerts.map((a) => a.incident_id));
    expect(incidentIds.size).toBe(1);
    const [incidentId] = [...incidentIds];
    const comps = await db()
      .selectFrom('incident_components')
      .selectAll()
      .where('incident_id', '=', incidentId!)
      .execute();
    expect(comps[0]).toMatchObject({ component_id: 'sip-trunk', status: 'major_outage' });
    const evidence = JSON.parse(
      alerts.find((a) => a.rule_key === 'telemetry:default-503:carrier-a')!.evidence,
    );
    expect(evidence).toMatchObject({ kind: 'code-rate', codes: [503], unit: 'share' });
    expect(evidence.series).toHaveLength(180);
    // The next pass refreshes, raises nothing new.
    clock.advance(10_000);
    expect((await runDetectors(deps(clock))).raised).toEqual([]);
  });

  it('stays silent while a maintenance runs on the component', async () => {
    const start = Date.parse('2026-11-23T10:00:00.000Z');
    await traffic(start, 3);
    await db()
      .insertInto('maintenances')
      .values({
        id: 'm1',
        title_de: 'W',
        title_en: 'W',
        status: 'in_progress',
        scheduled_start: '2026-11-23T09:00:00.000Z',
        scheduled_end: '2026-11-23T11:00:00.000Z',
        started_at: '2026-11-23T09:00:00.000Z',
        completed_at: null,
        created_at: '2026-11-23T08:00:00.000Z',
        updated_at: '2026-11-23T09:00:00.000Z',
        version: 1,
      })
      .execute();
    await db()
      .insertInto('maintenance_components')
      .values({ maintenance_id: 'm1', component_id: 'sip-trunk' })
      .execute();
    const clock = testClock(new Date(start + 30_000 + 4_000).toISOString());
    expect((await runDetectors(deps(clock))).raised).toEqual([]);
  });

  it('turns monitor states into alerts and clears them after the monitor stayed up', async () => {
    await db()
      .insertInto('monitors')
      .values({
        id: 'trunk-options',
        component_id: 'sip-trunk',
        kind: 'sip-options',
        name_de: 'OPTIONS',
        name_en: 'OPTIONS',
        target: 'sip:192.0.2.10',
        settings: '{}',
        interval_ms: 15_000,
        timeout_ms: 2000,
        down_after: 2,
        enabled: 1,
        heartbeat_token_hash: null,
        paused_at: null,
        paused_by: null,
        position: 0,
      })
      .execute();
    await db()
      .insertInto('monitor_state')
      .values({
        monitor_id: 'trunk-options',
        state: 'down',
        consecutive_failures: 2,
        since: '2026-11-23T10:00:00.000Z',
        last_checked_at: '2026-11-23T10:00:00.000Z',
        last_rtt_ms: null,
        last_code: null,
        last_detail: 'timeout after 2000 ms',
      })
      .execute();
    const clock = testClock('2026-11-23T10:00:05.000Z');
    expect((await runDetectors(deps(clock))).raised).toEqual(['monitor:trunk-options']);
    await db().updateTable('monitor_state').set({ state: 'up', since: '2026-11-23T10:00:10.000Z' }).execute();
    clock.set('2026-11-23T10:00:20.000Z');
    expect((await runDetectors(deps(clock))).cleared).toEqual([]);
    // Waiting out the clearing time, the alert keeps the failure it saw.
    const held = await db()
      .selectFrom('alerts')
      .select('evidence')
      .where('state', '=', 'firing')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(held.evidence)).toMatchObject({ state: 'down', detail: 'timeout after 2000 ms' });
    clock.set('2026-11-23T10:00:45.000Z');
    expect((await runDetectors(deps(clock))).cleared).toEqual(['monitor:trunk-options']);
    // Gone from the catalog while firing: its alert goes with it.
    await db().updateTable('monitor_state').set({ state: 'down' }).execute();
    clock.advance(10_000);
    expect((await runDetectors(deps(clock))).raised).toEqual(['monitor:trunk-options']);
    await db().deleteFrom('monitors').execute();
    clock.advance(10_000);
    expect((await runDetectors(deps(clock))).cleared).toEqual(['monitor:trunk-options']);
  });

  it('raises a report-cluster alert on the service’s first component and clears it once handled', async () => {
    await seedReportCatalog(getStore());
    await db()
      .insertInto('telemetry_peers')
      .values({
        id: 'carrier-a',
        component_id: 'sip-trunk',
        name_de: 'Carrier A',
        name_en: 'Carrier A',
        match: '192.0.2.10',
        port: null,
        position: 0,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const clock = testClock('2026-11-23T10:00:05.000Z');
    for (let i = 0; i < 5; i++) {
      await insertReport(getStore(), {
        service_id: 'cloud',
        created_at: new Date(clock().getTime() - i * 60_000).toISOString(),
      });
    }
    const { raised } = await detectReportClusters({ ctx: testContext(getStore(), clock) });
    const pass = await runDetectors(deps(clock));
    expect(pass.raised).toEqual([`reports:${raised[0]}`]);
    const alert = await db()
      .selectFrom('alerts')
      .selectAll()
      .where('rule_key', '=', `reports:${raised[0]}`)
      .executeTakeFirstOrThrow();
    expect(alert).toMatchObject({ component_id: 'media-cottbus', source: 'reports', severity: 'warning' });
    await handleReportAlert({
      ctx: testContext(getStore(), clock),
      input: { alertId: raised[0]!, action: 'dismiss' },
    });
    clock.advance(10_000);
    expect((await runDetectors(deps(clock))).cleared).toEqual([`reports:${raised[0]}`]);
  });

  it('evaluates in one process only: the lease holder', async () => {
    const clock = testClock('2026-11-23T10:00:05.000Z');
    expect((await runDetectors(deps(clock, 'p1'))).skipped).toBe(false);
    expect((await runDetectors(deps(clock, 'p2'))).skipped).toBe(true);
    clock.advance(31_000);
    expect((await runDetectors(deps(clock, 'p2'))).skipped).toBe(false);
  });
});
