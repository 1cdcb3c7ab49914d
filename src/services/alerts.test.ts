import { beforeEach, expect, it } from 'vitest';
import type { ProbeEvaluation } from '#src/domain/detectors/probe.ts';
import type { DialtoneError } from '#src/domain/errors.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { acknowledgeAlert } from './acknowledge-alert.ts';
import { clearAlert } from './clear-alert.ts';
import { declareIncidentFromAlert } from './declare-incident-from-alert.ts';
import { dismissAlert } from './dismiss-alert.ts';
import { getAlert } from './get-alert.ts';
import { getIncidentAlertRecovery } from './get-incident-alert-recovery.ts';
import { listAlerts } from './list-alerts.ts';
import { listPendingAlerts } from './list-pending-alerts.ts';
import { pruneAlerts } from './prune-alerts.ts';
import { type RaiseAlertInput, raiseAlert } from './raise-alert.ts';

const evidence = (state = 'down'): ProbeEvaluation['evidence'] => ({
  kind: 'probe',
  monitorKind: 'sip-options',
  state,
  since: '2026-11-20T09:59:30.000Z',
  code: null,
  detail: 'timeout after 2000 ms (3 transmissions)',
  rttMs: null,
});

const input = (over: Partial<RaiseAlertInput> = {}): RaiseAlertInput => ({
  componentId: 'sip-trunk',
  source: 'monitor',
  ruleKey: 'monitor:trunk-options',
  severity: 'critical',
  evidence: evidence(),
  sourceName: { de: 'OPTIONS Trunk', en: 'OPTIONS trunk' },
  monitorId: 'trunk-options',
  timeZone: 'Europe/Berlin',
  ...over,
});

describeEachStore('alerts', (getStore) => {
  beforeEach(async () => {
    await getStore().db.deleteFrom('alerts').execute();
    await seedMiniCatalog(getStore());
  });
  const setPolicy = (alert: string, resolve: string, id = 'sip-trunk') =>
    getStore()
      .db.updateTable('components')
      .set({ alert_policy: alert, resolve_policy: resolve })
      .where('id', '=', id)
      .execute();
  const audit = async (action: string) =>
    (await getStore().db.selectFrom('audit_log').select('action').where('action', '=', action).execute())
      .length;

  it('raises once per rule key, refreshes the evidence, raises anew after clearing', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const first = await raiseAlert({ ctx, input: input() });
    expect(first).toMatchObject({ created: true, incidentId: null });
    clock.advance(10_000);
    const again = await raiseAlert({
      ctx,
      input: input({ severity: 'warning', evidence: evidence('overloaded') }),
    });
    expect(again).toEqual({ id: first.id, created: false, incidentId: null });
    const alert = await getAlert(getStore().db, first.id);
    expect(alert).toMatchObject({
      state: 'firing',
      severity: 'warning',
      decision: 'pending',
      title: { de: 'OPTIONS Trunk antwortet nicht', en: 'OPTIONS trunk is not answering' },
      lastEvaluatedAt: '2026-11-20T10:00:10.000Z',
    });
    expect(alert?.evidence).toMatchObject({ state: 'overloaded' });
    expect(await clearAlert({ ctx, input: { ruleKey: 'monitor:trunk-options' } })).toEqual({
      id: first.id,
      resolvedIncidentId: null,
    });
    expect(await clearAlert({ ctx, input: { ruleKey: 'monitor:trunk-options' } })).toEqual({
      id: null,
      resolvedIncidentId: null,
    });
    const third = await raiseAlert({ ctx, input: input() });
    expect(third.created).toBe(true);
    const lists = await listAlerts(getStore().db);
    expect(lists.firing.map((a) => a.id)).toEqual([third.id]);
    expect(lists.resolved.map((a) => a.id)).toEqual([first.id]);
    expect(await audit('alert.raise')).toBe(2);
    expect(await audit('alert.clear')).toBe(1);
  });

  it('tells operator channels that asked for alert events, in the same transaction', async () => {
    await getStore().db.deleteFrom('notifications').execute();
    await getStore().db.deleteFrom('operator_channels').execute();
    await getStore()
      .db.insertInto('operator_channels')
      .values({
        id: 'noc-chat',
        kind: 'slack',
        name: 'NOC',
        url: 'https://hooks.example.net/noc',
        settings: '{}',
        events: JSON.stringify(['alert.fired', 'alert.resolved']),
        locale: 'de',
        enabled: 1,
        created_at: '2026-11-20T09:00:00.000Z',
        updated_at: '2026-11-20T09:00:00.000Z',
      })
      .execute();
    const ctx = testContext(getStore());
    const a = await raiseAlert({ ctx, input: input() });
    await raiseAlert({ ctx, input: input() });
    await clearAlert({ ctx, input: { ruleKey: 'monitor:trunk-options' } });
    const rows = await getStore()
      .db.selectFrom('notifications')
      .select(['event', 'subject_id'])
      .orderBy('event')
      .execute();
    expect(rows).toEqual([
      { event: 'alert.fired', subject_id: a.id },
      { event: 'alert.resolved', subject_id: a.id },
    ]);
  });

  it('prunes resolved alerts after 400 days, never firing ones', async () => {
    const clock = testClock('2025-01-01T00:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    await raiseAlert({ ctx, input: input() });
    await clearAlert({ ctx, input: { ruleKey: 'monitor:trunk-options' } });
    await raiseAlert({ ctx, input: input({ ruleKey: 'monitor:still' }) });
    clock.advance(399 * 86_400_000);
    expect(await pruneAlerts({ ctx })).toEqual({ deleted: 0 });
    clock.advance(2 * 86_400_000);
    expect(await pruneAlerts({ ctx })).toEqual({ deleted: 1 });
    const left = await getStore().db.selectFrom('alerts').select('rule_key').execute();
    expect(left).toEqual([{ rule_key: 'monitor:still' }]);
  });

  it('makes one alert when two raise the same key at the same moment', async () => {
    const ctx = testContext(getStore());
    const results = await Promise.all([1, 2, 3].map(() => raiseAlert({ ctx, input: input() })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const rows = await getStore().db.selectFrom('alerts').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('auto policy opens one investigating incident per component; recovery proposes, never resolves', async () => {
    await setPolicy('auto', 'propose');
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const a = await raiseAlert({ ctx, input: input() });
    expect(a.incidentId).not.toBeNull();
    const incident = await getStore()
      .db.selectFrom('incidents')
      .selectAll()
      .where('id', '=', a.incidentId!)
      .executeTakeFirstOrThrow();
    expect(incident).toMatchObject({
      status: 'investigating',
      title_de: 'Störung: sip-trunk',
      title_en: 'Disruption: sip-trunk',
    });
    const update = await getStore()
      .db.selectFrom('incident_updates')
      .selectAll()
      .where('incident_id', '=', a.incidentId!)
      .executeTakeFirstOrThrow();
    expect(update.body_de).toContain('seit 20.11.26, 11:00');
    expect(update.body_de).toContain('nicht erreichbar');
    expect(update.body_en).toContain('Our monitoring detected a disruption of sip-trunk');
    const comps = await getStore()
      .db.selectFrom('incident_components')
      .selectAll()
      .where('incident_id', '=', a.incidentId!)
      .execute();
    expect(comps).toEqual([{ incident_id: a.incidentId, component_id: 'sip-trunk', status: 'major_outage' }]);
    // A second detector on the same component joins the open incident.
    const b = await raiseAlert({
      ctx,
      input: input({ ruleKey: 'telemetry:default-isa:carrier-a', source: 'telemetry' }),
    });
    expect(b.incidentId).toBe(a.incidentId);
    expect((await getAlert(getStore().db, b.id))?.decision).toBe('auto');
    await clearAlert({ ctx, input: { ruleKey: 'monitor:trunk-options' } });
    expect((await getIncidentAlertRecovery(getStore().db, a.incidentId!)).recovered).toBe(false);
    clock.advance(60_000);
    const cleared = await clearAlert({ ctx, input: { ruleKey: 'telemetry:default-isa:carrier-a' } });
    expect(cleared.resolvedIncidentId).toBeNull();
    expect(await getIncidentAlertRecovery(getStore().db, a.incidentId!)).toMatchObject({
      recovered: true,
      lastResolvedAt: '2026-11-20T10:01:00.000Z',
    });
    const still = await getStore()
      .db.selectFrom('incidents')
      .select('resolved_at')
      .where('id', '=', a.incidentId!)
      .executeTakeFirstOrThrow();
    expect(still.resolved_at).toBeNull();
  });

  it('auto resolve policy resolves the incident once its last alert clears', async () => {
    await setPolicy('auto', 'auto');
    const ctx = testContext(getStore());
    const a = await raiseAlert({ ctx, input: input({ severity: 'warning' }) });
    const comps = await getStore()
      .db.selectFrom('incident_components')
      .select('status')
      .where('incident_id', '=', a.incidentId!)
      .execute();
    expect(comps).toEqual([{ status: 'partial_outage' }]);
    expect((await clearAlert({ ctx, input: { ruleKey: 'monitor:trunk-options' } })).resolvedIncidentId).toBe(
      a.incidentId,
    );
    const row = await getStore()
      .db.selectFrom('incidents')
      .select('status')
      .where('id', '=', a.incidentId!)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('resolved');
  });

  it('confirm policy waits: declare once (prefilled text), dismiss and acknowledge conditionally', async () => {
    const ctx = testContext(getStore());
    const a = await raiseAlert({ ctx, input: input() });
    expect(a.incidentId).toBeNull();
    expect((await listPendingAlerts(getStore().db)).map((x) => x.id)).toEqual([a.id]);
    await acknowledgeAlert({ ctx, input: { alertId: a.id } });
    expect(await listPendingAlerts(getStore().db)).toEqual([]);
    const twice = await acknowledgeAlert({ ctx, input: { alertId: a.id } }).catch((e: DialtoneError) => e);
    expect((twice as DialtoneError).code).toBe('invalid_transition');
    const bad = await declareIncidentFromAlert({
      ctx,
      input: {
        alertId: a.id,
        title: { de: '', en: '' },
        message: { de: 'x', en: 'x' },
        componentStatus: 'exploded',
      },
    }).catch((e: DialtoneError) => e);
    expect((bad as DialtoneError).fields.map((f) => f.path).sort()).toEqual([
      'components[0].status',
      'title_de',
    ]);
    expect((await getAlert(getStore().db, a.id))?.decision).toBe('pending');
    const declared = await declareIncidentFromAlert({
      ctx,
      input: {
        alertId: a.id,
        title: { de: 'Störung SIP-Trunk', en: 'SIP trunk disruption' },
        message: { de: 'Wir prüfen.', en: 'Investigating.' },
        componentStatus: 'partial_outage',
      },
    });
    expect(await getAlert(getStore().db, a.id)).toMatchObject({
      decision: 'declared',
      incidentId: declared.id,
    });
    const again = await dismissAlert({ ctx, input: { alertId: a.id } }).catch((e: DialtoneError) => e);
    expect((again as DialtoneError).code).toBe('invalid_transition');
    const missing = await dismissAlert({ ctx, input: { alertId: 'nope' } }).catch((e: DialtoneError) => e);
    expect((missing as DialtoneError).code).toBe('not_found');
    // A report cluster has its own banner in the inbox: not listed twice.
    await raiseAlert({ ctx, input: input({ ruleKey: 'reports:r1', source: 'reports' }) });
    expect(await listPendingAlerts(getStore().db)).toEqual([]);
    const b = await raiseAlert({ ctx, input: input({ ruleKey: 'monitor:other' }) });
    await dismissAlert({ ctx, input: { alertId: b.id } });
    expect((await getAlert(getStore().db, b.id))?.decision).toBe('dismissed');
    expect(await audit('alert.declare')).toBe(1);
    expect(await audit('alert.dismiss')).toBe(1);
  });
});
