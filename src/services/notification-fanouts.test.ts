import { beforeEach, expect, it } from 'vitest';
import type { Store } from '#src/adapters/store/open-store.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { declareIncident } from './declare-incident.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { expandFanouts, inlinePageSize } from './notification-fanouts.ts';

const at = '2026-11-01T00:00:00.000Z';
// More than the page written in the verb's own transaction plus a few pages after it.
const count = inlinePageSize + 703;

async function seedSubscribers(store: Store) {
  await store.db.deleteFrom('notifications').execute();
  await store.db.deleteFrom('notification_fanouts').execute();
  await store.db.deleteFrom('subscriber_components').execute();
  await store.db.deleteFrom('subscribers').execute();
  await store.db.deleteFrom('operator_channels').execute();
  for (let i = 0; i < count; i += 300) {
    const n = Math.min(300, count - i);
    await store.db
      .insertInto('subscribers')
      .values(
        Array.from({ length: n }, (_, j) => ({
          id: `s${String(i + j).padStart(5, '0')}`,
          kind: 'email' as const,
          address: `c${i + j}@example.net`,
          locale: (i + j) % 2 ? ('en' as const) : ('de' as const),
          scope: 'all' as const,
          state: 'confirmed' as const,
          confirm_hash: null,
          confirm_expires_at: null,
          confirm_failures: 0,
          secret: null,
          created_at: at,
          updated_at: at,
          confirmed_at: at,
          unsubscribed_at: null,
        })),
      )
      .execute();
  }
}

const outboxOf = async (store: Store, event: string) => {
  const rows = await store.db
    .selectFrom('notifications')
    .select(['recipient', 'subject', 'locale'])
    .where('event', '=', event)
    .execute();
  return { rows, distinct: new Set(rows.map((r) => r.recipient)).size };
};

const fanoutOf = (store: Store, event: string) =>
  store.db
    .selectFrom('notification_fanouts')
    .selectAll()
    .where('event', '=', event)
    .executeTakeFirstOrThrow();

describeEachStore('deferred notification fan-out', (getStore) => {
  beforeEach(async () => {
    await seedMiniCatalog(getStore());
    await seedSubscribers(getStore());
  });

  async function declare() {
    const ctx = testContext(getStore(), testClock());
    const { id } = await declareIncident({
      ctx,
      input: {
        title: { de: 'Telefonie gestört', en: 'Telephony down' },
        components: [{ componentId: 'fax', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Checking.' },
      },
    });
    return { ctx, id };
  }

  it('writes the intent and one page in the verb, the rest page by page, each subscriber once', async () => {
    const { ctx } = await declare();
    const store = getStore();
    expect((await outboxOf(store, 'incident.declared')).rows).toHaveLength(inlinePageSize);
    expect(await fanoutOf(store, 'incident.declared')).toMatchObject({ state: 'pending', cursor: 's00499' });

    expect(await expandFanouts({ ctx, pageSize: 300, maxPages: 1 })).toEqual({ pages: 1, written: 300 });
    expect((await outboxOf(store, 'incident.declared')).rows).toHaveLength(inlinePageSize + 300);
    expect(await expandFanouts({ ctx, pageSize: 300 })).toEqual({ pages: 2, written: 403 });

    const { rows, distinct } = await outboxOf(store, 'incident.declared');
    expect(rows).toHaveLength(count);
    expect(distinct).toBe(count);
    expect(rows.find((r) => r.recipient === 'c1@example.net')).toMatchObject({
      locale: 'en',
      subject: 'Incident: Telephony down',
    });
    expect(await fanoutOf(store, 'incident.declared')).toMatchObject({ state: 'done', expanded: count });
    expect(await expandFanouts({ ctx })).toEqual({ pages: 0, written: 0 });
  });

  it('resumes after a crash in the middle of a page without losing or repeating anyone', async () => {
    const { ctx } = await declare();
    const store = getStore();
    await expandFanouts({ ctx, pageSize: 300, maxPages: 1 });
    // The worker dies while writing the next page: its transaction never commits.
    let ids = 0;
    const dying = {
      ...ctx,
      newId: () => {
        if (++ids > 150) throw new Error('killed');
        return ctx.newId();
      },
    };
    await expect(expandFanouts({ ctx: dying, pageSize: 300 })).rejects.toThrow('killed');
    expect((await outboxOf(store, 'incident.declared')).rows).toHaveLength(inlinePageSize + 300);
    expect((await fanoutOf(store, 'incident.declared')).cursor).toBe('s00799');

    // A page written twice (e.g. a cursor that lagged behind) inserts nothing new either.
    await store.db.updateTable('notification_fanouts').set({ cursor: 's00199' }).execute();
    await expandFanouts({ ctx, pageSize: 300 });
    const { rows, distinct } = await outboxOf(store, 'incident.declared');
    expect(rows).toHaveLength(count);
    expect(distinct).toBe(count);
    expect((await fanoutOf(store, 'incident.declared')).state).toBe('done');
  });

  it('fans out each event once, and none at all when the change rolls back', async () => {
    const { ctx, id } = await declare();
    const store = getStore();
    const update = await store.db
      .selectFrom('incident_updates')
      .select('id')
      .where('incident_id', '=', id)
      .executeTakeFirstOrThrow();
    const event = { event: 'incident.updated', incidentId: id, updateId: update.id } as const;
    await expect(
      store.db.transaction().execute(async (trx) => {
        await enqueueNotifications(trx, ctx, event);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const intents = async () =>
      (await store.db.selectFrom('notification_fanouts').select('event').orderBy('event').execute()).map(
        (r) => r.event,
      );
    expect(await intents()).toEqual(['incident.declared']);
    expect((await outboxOf(store, 'incident.updated')).rows).toHaveLength(0);

    const first = await store.db.transaction().execute((trx) => enqueueNotifications(trx, ctx, event));
    const again = await store.db.transaction().execute((trx) => enqueueNotifications(trx, ctx, event));
    expect([first, again]).toEqual([inlinePageSize, 0]);
    expect(await intents()).toEqual(['incident.declared', 'incident.updated']);
  });
});
