import { beforeEach, expect, it } from 'vitest';
import type { DialtoneError } from '#src/domain/errors.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { advanceMaintenanceSchedule } from './advance-maintenance-schedule.ts';
import { getStatusSnapshot } from './get-status-snapshot.ts';
import { listMaintenances } from './list-maintenances.ts';
import { postMaintenanceUpdate } from './post-maintenance-update.ts';
import { scheduleMaintenance } from './schedule-maintenance.ts';

describeEachStore('maintenance lifecycle', (getStore) => {
  beforeEach(async () => seedMiniCatalog(getStore()));

  const window = {
    title: { de: 'Wartung Abrechnungssystem', en: 'Billing system maintenance' },
    message: { de: 'Zwischen 3 und 4 Uhr kann es zu Unterbrechungen kommen.', en: '' },
    componentIds: ['sip-trunk'],
    scheduledStart: '2026-11-21T02:00:00.000Z',
    scheduledEnd: '2026-11-21T03:00:00.000Z',
  };

  it('starts and ends by itself at its times, marking components under maintenance meanwhile', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const { id } = await scheduleMaintenance({ ctx, input: window });
    let snap = await getStatusSnapshot(getStore().db, clock());
    expect(snap.upcomingMaintenances.map((m) => m.id)).toEqual([id]);
    expect(snap.statuses.get('sip-trunk')?.status).toBe('operational');

    clock.set('2026-11-21T02:00:00.000Z');
    expect((await advanceMaintenanceSchedule({ ctx })).moved).toEqual([{ id, to: 'in_progress' }]);
    snap = await getStatusSnapshot(getStore().db, clock());
    expect(snap.statuses.get('sip-trunk')?.status).toBe('under_maintenance');
    expect(snap.banner.kind).toBe('under_maintenance');
    expect(snap.activeMaintenances[0]).toMatchObject({
      id,
      status: 'in_progress',
      startedAt: '2026-11-21T02:00:00.000Z',
    });

    clock.set('2026-11-21T03:00:00.000Z');
    await advanceMaintenanceSchedule({ ctx });
    snap = await getStatusSnapshot(getStore().db, clock());
    expect(snap.statuses.get('sip-trunk')?.status).toBe('operational');
    expect((await listMaintenances(getStore().db, { filter: 'past' }))[0]).toMatchObject({
      id,
      status: 'completed',
    });
    const audit = await getStore()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_type'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'maintenance.schedule', actor_type: 'user' },
      { action: 'maintenance.in_progress', actor_type: 'system' },
      { action: 'maintenance.completed', actor_type: 'system' },
    ]);
  });

  it('moves a window once even when two schedulers run at the same instant', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    await scheduleMaintenance({ ctx, input: window });
    clock.set('2026-11-21T02:30:00.000Z');
    const [a, b] = await Promise.all([
      advanceMaintenanceSchedule({ ctx }),
      advanceMaintenanceSchedule({ ctx }),
    ]);
    expect(a.moved.length + b.moved.length).toBe(1);
  });

  it('lets the NOC verify and complete by hand, and refuses going back', async () => {
    const clock = testClock('2026-11-21T02:10:00.000Z');
    const ctx = testContext(getStore(), clock);
    const { id } = await scheduleMaintenance({ ctx, input: window });
    expect((await listMaintenances(getStore().db, { filter: 'active' }))[0]?.id).toBe(id);
    await postMaintenanceUpdate({
      ctx,
      input: { maintenanceId: id, status: 'verifying', message: { de: 'Wir prüfen.', en: 'Verifying.' } },
    });
    await postMaintenanceUpdate({
      ctx,
      input: { maintenanceId: id, status: 'completed', message: { de: '', en: '' } },
    });
    const err = await postMaintenanceUpdate({
      ctx,
      input: { maintenanceId: id, status: 'in_progress', message: { de: '', en: '' } },
    }).catch((e: unknown) => e);
    expect((err as DialtoneError).code).toBe('invalid_transition');
    const [m] = await listMaintenances(getStore().db, { filter: 'past' });
    expect(m?.updates.map((u) => u.status)).toEqual(['verifying', 'scheduled']);
  });

  it('refuses a bad window whole', async () => {
    const ctx = testContext(getStore());
    const err = await scheduleMaintenance({
      ctx,
      input: {
        ...window,
        componentIds: ['nope'],
        scheduledEnd: '2026-11-21T01:00:00.000Z',
        title: { de: '', en: '' },
      },
    }).catch((e: unknown) => e);
    expect((err as DialtoneError).fields.map((f) => f.path)).toEqual([
      'title_de',
      'scheduled_end',
      'componentIds[0]',
    ]);
    expect(await getStore().db.selectFrom('maintenances').selectAll().execute()).toEqual([]);
  });
});
