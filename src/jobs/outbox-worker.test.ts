import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createEmailChannel } from '#src/adapters/channels/email/index.ts';
import type { ChannelRegistry } from '#src/adapters/channels/index.ts';
import type { Store } from '#src/adapters/store/open-store.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { claimDueNotifications } from '#src/services/outbox-delivery.ts';
import { seedMiniCatalog, type TestClock, testClock, testContext } from '../../test/support/factories.ts';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { createOutboxWorker } from './outbox-worker.ts';

const settings = { publicUrl: 'https://status.example.net', timeZone: 'Europe/Berlin', pageName: 'Beispiel' };
const at = '2026-11-01T00:00:00.000Z';

async function seedSubscribers(store: Store, list: { id: string; address: string; locale: 'de' | 'en' }[]) {
  await store.db.deleteFrom('notifications').execute();
  await store.db.deleteFrom('subscriber_components').execute();
  await store.db.deleteFrom('subscribers').execute();
  await store.db.deleteFrom('operator_channels').execute();
  await store.db
    .insertInto('subscribers')
    .values(
      list.map((s) => ({
        ...s,
        kind: 'email' as const,
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

const declare = (store: Store, clock: TestClock) =>
  declareIncident({
    ctx: testContext(store, clock),
    input: {
      title: { de: 'Eingehende Anrufe in Cottbus gestört', en: 'Incoming calls in Cottbus failing' },
      components: [{ componentId: 'local-numbers', status: 'major_outage' }],
      message: { de: 'Anrufe aus dem Mobilnetz kommen nicht an.', en: 'Calls from mobile networks fail.' },
    },
  });

describeEachStore('outbox worker (real SMTP server on 127.0.0.1)', (getStore, kind) => {
  let sink: SmtpSink;
  let channels: ChannelRegistry;
  beforeAll(async () => {
    sink = await startSmtpSink({
      refuse: (to) => (to[0]?.startsWith('refused') ? 550 : to[0]?.startsWith('busy') ? 451 : undefined),
    });
    channels = new Map([
      ['email', createEmailChannel({ smtpUrl: sink.url, from: 'Status <status@example.net>' })],
    ]);
  });
  afterAll(async () => {
    await channels.get('email')?.close?.();
    await sink.close();
  });
  beforeEach(async () => {
    await seedMiniCatalog(getStore());
    sink.mails.length = 0;
    sink.messageIds.length = 0;
  });
  const worker = (clock: TestClock, id = 'w1', maxAttempts = 3) =>
    createOutboxWorker({
      db: getStore().db,
      dialect: getStore().dialect,
      channels,
      clock,
      workerId: id,
      settings,
      maxAttempts,
      ratesPerSecond: { email: 1000 },
      random: () => 0.5,
    });

  it('sends each subscriber one mail in their language with links and one-click unsubscribe, once', async () => {
    await seedSubscribers(getStore(), [
      { id: 's-de', address: 'anna@example.net', locale: 'de' },
      { id: 's-en', address: 'bob@example.net', locale: 'en' },
    ]);
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const { id } = await declare(getStore(), clock);
    expect(await worker(clock).runOnce()).toBe(2);
    expect(await worker(clock).runOnce()).toBe(0);
    expect(sink.mails).toHaveLength(2);
    const de = sink.mails.find((m) => m.to[0] === 'anna@example.net');
    const en = sink.mails.find((m) => m.to[0] === 'bob@example.net');
    expect(de?.subject).toBe('Störung: Eingehende Anrufe in Cottbus gestört');
    expect(de?.text).toContain('Betroffen: local-numbers');
    expect(de?.text).toContain('Seit: 20.11.2026, 11:00 MEZ');
    expect(de?.text).toContain('Anrufe aus dem Mobilnetz kommen nicht an.');
    expect(de?.text).toContain(`https://status.example.net/incidents/${id}`);
    expect(en?.subject).toBe('Incident: Incoming calls in Cottbus failing');
    expect(en?.text).toContain('Since: 20 Nov 2026, 11:00 CET');
    expect(en?.html).toContain(`<a href="https://status.example.net/incidents/${id}">`);
    const unsubscribe = de?.headers.get('list-unsubscribe') ?? '';
    expect(unsubscribe).toMatch(/^<https:\/\/status\.example\.net\/subscribe\/manage\/s-de\.[\w-]+>$/);
    expect(de?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(de?.text).toContain(unsubscribe.slice(1, -1));
    const rows = await getStore().db.selectFrom('notifications').selectAll().execute();
    expect(rows.map((r) => [r.state, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
    expect(de?.messageId).toBe(`<${rows.find((r) => r.recipient === 'anna@example.net')?.id}@example.net>`);
    expect(rows[0]?.body_text).toContain('https://status.example.net/incidents/');
  });

  it('makes a refused mailbox a dead letter at once and retries a busy one with backoff until the limit', async () => {
    await seedSubscribers(getStore(), [
      { id: 's-r', address: 'refused@example.net', locale: 'de' },
      { id: 's-b', address: 'busy@example.net', locale: 'de' },
    ]);
    const clock = testClock('2026-11-20T10:00:00.000Z');
    await declare(getStore(), clock);
    const w = worker(clock);
    expect(await w.runOnce()).toBe(2);
    const state = async () =>
      Object.fromEntries(
        (
          await getStore()
            .db.selectFrom('notifications')
            .select(['recipient', 'state', 'attempts', 'next_attempt_at'])
            .execute()
        ).map((r) => [r.recipient, r]),
      );
    let s = await state();
    expect(s['refused@example.net']).toMatchObject({ state: 'dead', attempts: 1 });
    // Attempt 1 failed: 30 s doubled 0 times, half fixed + half × 0.5 random = 22.5 s later.
    expect(s['busy@example.net']).toMatchObject({
      state: 'pending',
      attempts: 1,
      next_attempt_at: '2026-11-20T10:00:22.500Z',
    });
    expect(await w.runOnce()).toBe(0);
    clock.advance(22_500);
    expect(await w.runOnce()).toBe(1);
    clock.advance(60 * 60_000);
    expect(await w.runOnce()).toBe(1);
    s = await state();
    expect(s['busy@example.net']).toMatchObject({ state: 'dead', attempts: 3 });
    const attempts = await getStore()
      .db.selectFrom('notification_attempts')
      .select(['attempt', 'ok'])
      .execute();
    expect(attempts).toHaveLength(4);
    expect(attempts.every((a) => a.ok === 0)).toBe(true);
    expect(sink.mails).toHaveLength(0);
  });

  it('makes an unreadable row a dead letter and counts a throwing channel as a failed attempt', async () => {
    await seedSubscribers(getStore(), [{ id: 's-1', address: 'one@example.net', locale: 'de' }]);
    const clock = testClock('2026-11-20T10:00:00.000Z');
    await declare(getStore(), clock);
    await getStore().db.updateTable('notifications').set({ payload: '{not json' }).execute();
    expect(await worker(clock).runOnce()).toBe(0);
    const dead = await getStore().db.selectFrom('notifications').selectAll().executeTakeFirstOrThrow();
    expect(dead).toMatchObject({ state: 'dead', attempts: 1 });
    expect(dead.last_error).toContain('unreadable payload');

    await getStore().db.deleteFrom('notifications').execute();
    await declare(getStore(), clock);
    const throwing = createOutboxWorker({
      db: getStore().db,
      dialect: getStore().dialect,
      channels: new Map([
        [
          'email',
          {
            kind: 'email',
            send: () => Promise.reject(new Error('boom')),
          },
        ],
      ]),
      clock,
      workerId: 'w-throw',
      settings,
      maxAttempts: 3,
      ratesPerSecond: { email: 1000 },
      random: () => 0.5,
    });
    expect(await throwing.runOnce()).toBe(1);
    const row = await getStore().db.selectFrom('notifications').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: 'pending',
      attempts: 1,
      last_error: 'channel error: boom',
      claimed_by: null,
    });
  });

  it('takes up the claims of a worker that died once they expire, and not before', async () => {
    await seedSubscribers(getStore(), [{ id: 's-1', address: 'one@example.net', locale: 'de' }]);
    const clock = testClock('2026-11-20T10:00:00.000Z');
    await declare(getStore(), clock);
    const claimed = await claimDueNotifications(getStore().db, getStore().dialect, {
      workerId: 'crashed',
      now: clock(),
      leaseMs: 60_000,
      limit: 10,
      kinds: ['email'],
    });
    expect(claimed).toHaveLength(1);
    expect(await worker(clock, 'w2').runOnce()).toBe(0);
    clock.advance(60_001);
    expect(await worker(clock, 'w2').runOnce()).toBe(1);
    expect(sink.messageIds).toHaveLength(1);
  });

  it.runIf(kind === 'postgres')('lets concurrent claims on PostgreSQL take disjoint rows', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ({
      id: `s-${i}`,
      address: `p${i}@example.net`,
      locale: 'de' as const,
    }));
    await seedSubscribers(getStore(), many);
    const clock = testClock('2026-11-20T10:00:00.000Z');
    await declare(getStore(), clock);
    const claim = (workerId: string) =>
      claimDueNotifications(getStore().db, getStore().dialect, {
        workerId,
        now: clock(),
        leaseMs: 60_000,
        limit: 40,
        kinds: ['email'],
      });
    const batches = await Promise.all(Array.from({ length: 10 }, (_, i) => claim(`w${i}`)));
    const ids = batches.flat().map((r) => r.id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
  });

  it('writes a deferred fan-out page by page while running and delivers each subscriber once', async () => {
    const n = 620;
    await seedSubscribers(
      getStore(),
      Array.from({ length: n }, (_, i) => ({
        id: `s${String(i).padStart(4, '0')}`,
        address: `p${i}@example.net`,
        locale: 'de' as const,
      })),
    );
    const { id } = await declare(getStore(), testClock('2026-11-20T10:00:00.000Z'));
    // The declaration wrote the first 500; the running worker writes the rest, 40 per page.
    const running = createOutboxWorker({
      db: getStore().db,
      dialect: getStore().dialect,
      channels,
      clock: () => new Date(),
      workerId: 'w-fanout',
      settings,
      maxAttempts: 3,
      ratesPerSecond: { email: 100_000 },
      fanoutPageSize: 40,
      idleMs: 20,
    });
    running.start();
    try {
      await sink.waitFor(n, 30_000);
    } finally {
      await running.stop();
    }
    expect(sink.messageIds).toHaveLength(n);
    expect(new Set(sink.mails.map((m) => m.to[0])).size).toBe(n);
    const states = await getStore()
      .db.selectFrom('notifications')
      .select(({ fn }) => ['state', fn.countAll<string>().as('n')])
      .groupBy('state')
      .execute();
    expect(states.map((r) => [r.state, Number(r.n)])).toEqual([['sent', n]]);
    const fanout = await getStore()
      .db.selectFrom('notification_fanouts')
      .select(['state', 'expanded'])
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(fanout).toEqual({ state: 'done', expanded: n });
  });
});
