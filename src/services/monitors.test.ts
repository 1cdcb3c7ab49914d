import { beforeEach, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { applyCatalog } from './apply-catalog.ts';
import { getMonitor } from './get-monitor.ts';
import { listMonitors } from './list-monitors.ts';
import { markMissedHeartbeats } from './mark-missed-heartbeats.ts';
import { pruneMonitorChecks } from './prune-monitor-checks.ts';
import { recordHeartbeatPing } from './record-heartbeat-ping.ts';
import { recordProbeResult } from './record-probe-result.ts';
import { rotateHeartbeatToken } from './rotate-heartbeat-token.ts';
import { setMonitorPaused } from './set-monitor-paused.ts';

const catalog = `
components:
  - {id: sbc, name: SBC}
  - {id: billing, name: Billing}
monitors:
  - {id: sbc-tcp, component: sbc, kind: tcp, name: SBC TCP, target: "127.0.0.1:5061", downAfter: 2}
  - {id: billing-run, component: billing, kind: heartbeat, name: Abrechnung, settings: {periodSeconds: 3600, graceSeconds: 300}}
`;

describeEachStore('monitor state, heartbeats, pause', (getStore) => {
  const clock = testClock('2026-11-20T10:00:00.000Z');
  beforeEach(async () => {
    clock.set('2026-11-20T10:00:00.000Z');
    const db = getStore().db;
    await db.deleteFrom('monitors').execute();
    await db.deleteFrom('components').execute();
    await db.deleteFrom('audit_log').execute();
    const parsed = parseCatalogFile(catalog);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await applyCatalog({ ctx: testContext(getStore(), clock), input: { document: parsed.document } });
  });

  it('moves the state by the rules and keeps every check', async () => {
    const ctx = testContext(getStore(), clock);
    const record = (outcome: 'up' | 'down' | 'overloaded', code?: number) =>
      recordProbeResult({
        ctx,
        input: {
          monitorId: 'sbc-tcp',
          result: { outcome, rttMs: 12.4, detail: outcome, ...(code ? { code } : {}) },
        },
      });
    expect(await record('up')).toMatchObject({ state: 'up', changed: true });
    clock.advance(15_000);
    expect(await record('down')).toMatchObject({ state: 'up', consecutiveFailures: 1, changed: false });
    clock.advance(15_000);
    expect(await record('down')).toMatchObject({
      state: 'down',
      since: '2026-11-20T10:00:30.000Z',
      changed: true,
    });
    clock.advance(15_000);
    expect(await record('overloaded', 503)).toMatchObject({ state: 'overloaded', changed: true });
    const [view] = (await listMonitors(getStore().db)).filter((m) => m.id === 'sbc-tcp');
    expect(view).toMatchObject({
      state: 'overloaded',
      lastRttMs: 12,
      lastCode: 503,
      since: '2026-11-20T10:00:45.000Z',
    });
    const detail = await getMonitor(getStore().db, {
      id: 'sbc-tcp',
      checksSince: '2026-11-20T00:00:00.000Z',
    });
    expect(detail?.checks.map((c) => c.outcome)).toEqual(['overloaded', 'down', 'down', 'up']);
    expect(
      await recordProbeResult({
        ctx,
        input: { monitorId: 'gone', result: { outcome: 'up', rttMs: 1, detail: '' } },
      }),
    ).toBeNull();

    clock.advance(15 * 86_400_000);
    await record('up');
    expect(await pruneMonitorChecks({ ctx })).toBe(4);
  });

  it('heartbeat: unknown token refused, a ping puts it up, a missed period plus grace down, the next ping up', async () => {
    const ctx = testContext(getStore(), clock);
    expect(await recordHeartbeatPing({ ctx, input: { token: 'dthb_nope' } })).toBe(false);
    const { token } = await rotateHeartbeatToken({ ctx, input: { monitorId: 'billing-run' } });
    expect(token).toMatch(/^dthb_[A-Za-z0-9_-]{43}$/);
    const stored = await getStore()
      .db.selectFrom('monitors')
      .select('heartbeat_token_hash')
      .where('id', '=', 'billing-run')
      .executeTakeFirstOrThrow();
    expect(stored.heartbeat_token_hash).not.toContain(token);

    clock.advance(3_900_000);
    expect(await markMissedHeartbeats({ ctx })).toEqual([]);
    clock.advance(1_000);
    expect(await markMissedHeartbeats({ ctx })).toEqual(['billing-run']);
    expect(await markMissedHeartbeats({ ctx })).toEqual([]);
    expect(await recordHeartbeatPing({ ctx, input: { token } })).toBe(true);
    expect((await listMonitors(getStore().db)).find((m) => m.id === 'billing-run')).toMatchObject({
      state: 'up',
      lastDetail: 'ping',
    });

    const checks = async () =>
      (
        await getStore()
          .db.selectFrom('monitor_checks')
          .select('at')
          .where('monitor_id', '=', 'billing-run')
          .execute()
      ).length;
    const before = await checks();
    clock.advance(9_000);
    expect(await recordHeartbeatPing({ ctx, input: { token } })).toBe(true);
    expect(await checks()).toBe(before);
    clock.advance(1_000);
    expect(await recordHeartbeatPing({ ctx, input: { token } })).toBe(true);
    expect(await checks()).toBe(before + 1);

    const second = await rotateHeartbeatToken({ ctx, input: { monitorId: 'billing-run' } });
    expect(await recordHeartbeatPing({ ctx, input: { token } })).toBe(false);
    expect(await recordHeartbeatPing({ ctx, input: { token: second.token } })).toBe(true);
    await expect(rotateHeartbeatToken({ ctx, input: { monitorId: 'sbc-tcp' } })).rejects.toThrow(
      DialtoneError,
    );
    const audit = await getStore().db.selectFrom('audit_log').select('action').execute();
    expect(audit.filter((a) => a.action === 'monitor.heartbeat_token_rotated')).toHaveLength(2);
  });

  it('pause and resume are audited, refused twice, and a paused heartbeat is neither pinged nor missed', async () => {
    const ctx = testContext(getStore(), clock);
    const { token } = await rotateHeartbeatToken({ ctx, input: { monitorId: 'billing-run' } });
    await setMonitorPaused({ ctx, input: { monitorId: 'billing-run', paused: true } });
    await expect(
      setMonitorPaused({ ctx, input: { monitorId: 'billing-run', paused: true } }),
    ).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await expect(setMonitorPaused({ ctx, input: { monitorId: 'nope', paused: true } })).rejects.toMatchObject(
      { code: 'not_found' },
    );
    expect(await recordHeartbeatPing({ ctx, input: { token } })).toBe(false);
    clock.advance(86_400_000);
    expect(await markMissedHeartbeats({ ctx })).toEqual([]);
    await setMonitorPaused({ ctx, input: { monitorId: 'billing-run', paused: false } });
    expect((await listMonitors(getStore().db)).find((m) => m.id === 'billing-run')).toMatchObject({
      state: 'unknown',
      since: clock().toISOString(),
      pausedAt: null,
    });
    const audit = await getStore()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'catalog.apply',
      'monitor.heartbeat_token_rotated',
      'monitor.pause',
      'monitor.resume',
    ]);
  });
});
