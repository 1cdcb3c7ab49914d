import { beforeEach, expect, it } from 'vitest';
import type { Store } from '#src/adapters/store/open-store.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { declareIncident } from './declare-incident.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { postIncidentUpdate } from './post-incident-update.ts';
import { resolveIncident } from './resolve-incident.ts';
import { scheduleMaintenance } from './schedule-maintenance.ts';

const at = '2026-11-01T00:00:00.000Z';

async function seedRecipients(store: Store) {
  const db = store.db;
  await db.deleteFrom('notifications').execute();
  await db.deleteFrom('subscriber_components').execute();
  await db.deleteFrom('subscribers').execute();
  await db.deleteFrom('operator_channels').execute();
  const sub = (id: string, address: string, scope: 'all' | 'components', state: string, locale = 'de') => ({
    id,
    kind: 'email' as const,
    address,
    locale: locale as 'de' | 'en',
    scope,
    state: state as 'confirmed',
    confirm_hash: null,
    confirm_expires_at: null,
    confirm_failures: 0,
    secret: null,
    created_at: at,
    updated_at: at,
    confirmed_at: state === 'confirmed' ? at : null,
    unsubscribed_at: null,
  });
  await db
    .insertInto('subscribers')
    .values([
      sub('s-all', 'all@example.net', 'all', 'confirmed', 'en'),
      sub('s-fax', 'fax@example.net', 'components', 'confirmed'),
      sub('s-trunk', 'trunk@example.net', 'components', 'confirmed'),
      sub('s-pending', 'pending@example.net', 'all', 'pending'),
      sub('s-gone', 'gone@example.net', 'all', 'unsubscribed'),
    ])
    .execute();
  await db
    .insertInto('subscriber_components')
    .values([
      { subscriber_id: 's-fax', component_id: 'fax' },
      { subscriber_id: 's-trunk', component_id: 'sip-trunk' },
    ])
    .execute();
  const channel = (id: string, events: string[], enabled: number) => ({
    id,
    kind: 'slack' as const,
    name: id,
    url: `https://hooks.example.net/${id}`,
    settings: '{}',
    events: JSON.stringify(events),
    locale: 'de' as const,
    enabled,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('operator_channels')
    .values([
      channel('oc-incidents', ['incident.declared', 'incident.resolved'], 1),
      channel('oc-off', ['incident.declared'], 0),
      channel('oc-alerts', ['alert.fired'], 1),
    ])
    .execute();
}

const recipientsOf = async (store: Store, event: string) =>
  (
    await store.db
      .selectFrom('notifications')
      .select('recipient')
      .where('event', '=', event)
      .orderBy('recipient')
      .execute()
  ).map((r) => r.recipient);

describeEachStore('enqueue notifications', (getStore) => {
  beforeEach(async () => {
    await seedMiniCatalog(getStore());
    await seedRecipients(getStore());
  });

  it('writes one row per confirmed subscriber in scope and per operator channel, in the same transaction', async () => {
    const ctx = testContext(getStore(), testClock());
    const { id } = await declareIncident({
      ctx,
      input: {
        title: { de: 'Fax gestört', en: 'Fax down' },
        components: [{ componentId: 'fax', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Checking.' },
      },
    });
    expect(await recipientsOf(getStore(), 'incident.declared')).toEqual([
      'all@example.net',
      'fax@example.net',
      'https://hooks.example.net/oc-incidents',
    ]);
    const row = await getStore()
      .db.selectFrom('notifications')
      .selectAll()
      .where('recipient', '=', 'all@example.net')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'email',
      locale: 'en',
      state: 'pending',
      subject: 'Incident: Fax down',
    });
    expect(row.idempotency_key).toMatch(new RegExp(`^incident\\.declared:${id}:[^:]+:email:s-all$`));
    expect(JSON.parse(row.payload)).toMatchObject({
      type: 'incident',
      incidentId: id,
      status: 'investigating',
    });

    // An internal note tells nobody; a public update and the resolution do (the channel only listens to resolved).
    await postIncidentUpdate({
      ctx,
      input: { incidentId: id, status: 'identified', message: { de: 'i', en: 'i' }, visibility: 'internal' },
    });
    expect(await recipientsOf(getStore(), 'incident.updated')).toEqual([]);
    await resolveIncident({ ctx, input: { incidentId: id, message: { de: 'Behoben.', en: 'Fixed.' } } });
    expect(await recipientsOf(getStore(), 'incident.resolved')).toEqual([
      'all@example.net',
      'fax@example.net',
      'https://hooks.example.net/oc-incidents',
    ]);
  });

  it('inserts nothing new when the same event is enqueued again', async () => {
    const ctx = testContext(getStore(), testClock());
    const { id } = await declareIncident({
      ctx,
      input: {
        title: { de: 'Trunk', en: 'Trunk' },
        components: [{ componentId: 'sip-trunk', status: 'partial_outage' }],
        message: { de: 'x', en: 'x' },
      },
    });
    const update = await getStore()
      .db.selectFrom('incident_updates')
      .select('id')
      .where('incident_id', '=', id)
      .executeTakeFirstOrThrow();
    const again = await getStore()
      .db.transaction()
      .execute((trx) =>
        enqueueNotifications(trx, ctx, { event: 'incident.declared', incidentId: id, updateId: update.id }),
      );
    expect(again).toBe(0);
    expect(await recipientsOf(getStore(), 'incident.declared')).toHaveLength(3);
  });

  it('writes nothing when the event transaction rolls back', async () => {
    const ctx = testContext(getStore(), testClock());
    const { id } = await scheduleMaintenance({
      ctx,
      input: {
        title: { de: 'Wartung', en: 'Maintenance' },
        componentIds: ['sip-trunk'],
        scheduledStart: '2026-11-25T01:00:00.000Z',
        scheduledEnd: '2026-11-25T03:00:00.000Z',
        message: { de: 'Neue Software.', en: 'New software.' },
      },
    });
    expect(await recipientsOf(getStore(), 'maintenance.scheduled')).toEqual([
      'all@example.net',
      'trunk@example.net',
    ]);
    await expect(
      getStore()
        .db.transaction()
        .execute(async (trx) => {
          await enqueueNotifications(trx, ctx, {
            event: 'maintenance.reminder',
            maintenanceId: id,
            hoursBefore: 1,
          });
          throw new Error('rolled back');
        }),
    ).rejects.toThrow('rolled back');
    expect(await recipientsOf(getStore(), 'maintenance.reminder')).toEqual([]);
  });

  it('respects opt-outs for affected customers without a subscription', async () => {
    const ctx = testContext(getStore(), testClock());
    const { id } = await declareIncident({
      ctx,
      input: {
        title: { de: 'Fax', en: 'Fax' },
        components: [{ componentId: 'fax', status: 'major_outage' }],
        message: { de: 'x', en: 'x' },
      },
    });
    const update = await getStore()
      .db.selectFrom('incident_updates')
      .select('id')
      .where('incident_id', '=', id)
      .executeTakeFirstOrThrow();
    await getStore()
      .db.transaction()
      .execute((trx) =>
        enqueueNotifications(trx, ctx, {
          event: 'incident.affected',
          incidentId: id,
          updateId: update.id,
          recipients: [
            { kind: 'email', address: 'customer@example.net', locale: 'de', contactId: 'c1' },
            { kind: 'email', address: 'gone@example.net', locale: 'de', contactId: 'c2' },
          ],
        }),
      );
    expect(await recipientsOf(getStore(), 'incident.affected')).toEqual(['customer@example.net']);
  });
});
