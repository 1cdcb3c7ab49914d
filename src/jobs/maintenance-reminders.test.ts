import { beforeEach, describe, expect, it } from 'vitest';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { dueReminder, sendMaintenanceReminders } from './maintenance-reminders.ts';

const start = new Date('2026-11-25T01:00:00.000Z');
const h = (n: number) => new Date(start.getTime() - n * 3_600_000);

describe('due reminder', () => {
  const early = { createdAt: new Date('2026-11-01T00:00:00.000Z'), start };
  it('picks the reminder whose stretch of time it is', () => {
    expect(dueReminder([72, 1], early, h(73))).toBeNull();
    expect(dueReminder([72, 1], early, h(72))).toBe(72);
    expect(dueReminder([72, 1], early, h(2))).toBe(72);
    expect(dueReminder([72, 1], early, h(1))).toBe(1);
    expect(dueReminder([72, 1], early, h(0))).toBeNull();
  });
  it('skips reminders whose moment had passed when the window was scheduled', () => {
    expect(dueReminder([72, 1], { createdAt: h(5), start }, h(4))).toBeNull();
    expect(dueReminder([72, 1], { createdAt: h(5), start }, h(0.5))).toBe(1);
  });
});

describeEachStore('maintenance reminders', (getStore) => {
  beforeEach(async () => {
    await seedMiniCatalog(getStore());
    await getStore().db.deleteFrom('notifications').execute();
    await getStore().db.deleteFrom('subscribers').execute();
    await getStore()
      .db.insertInto('subscribers')
      .values({
        id: 's1',
        kind: 'email',
        address: 'anna@example.net',
        locale: 'de',
        scope: 'all',
        state: 'confirmed',
        confirm_hash: null,
        confirm_expires_at: null,
        confirm_failures: 0,
        secret: null,
        created_at: '2026-11-01T00:00:00.000Z',
        updated_at: '2026-11-01T00:00:00.000Z',
        confirmed_at: '2026-11-01T00:00:00.000Z',
        unsubscribed_at: null,
      })
      .execute();
  });

  it('enqueues each reminder once however often it runs', async () => {
    const clock = testClock('2026-11-20T00:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    await scheduleMaintenance({
      ctx,
      input: {
        title: { de: 'Wartung', en: 'Maintenance' },
        message: { de: 'Neue Software.', en: 'New software.' },
        componentIds: ['sip-trunk'],
        scheduledStart: start.toISOString(),
        scheduledEnd: '2026-11-25T03:00:00.000Z',
      },
    });
    const run = () => sendMaintenanceReminders({ ctx, hours: [72, 1] });
    expect(await run()).toEqual({ reminded: 0 });
    clock.set(h(71).toISOString());
    expect(await run()).toEqual({ reminded: 1 });
    expect(await run()).toEqual({ reminded: 0 });
    clock.set(h(0.5).toISOString());
    expect(await run()).toEqual({ reminded: 1 });
    const hoursBefore = (
      await getStore()
        .db.selectFrom('notifications')
        .select(['idempotency_key', 'payload'])
        .where('event', '=', 'maintenance.reminder')
        .orderBy('created_at')
        .execute()
    ).map((r) => JSON.parse(r.payload).hoursBefore);
    expect(hoursBefore).toEqual([72, 1]);
  });
});
