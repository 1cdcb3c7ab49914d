import { beforeEach, expect, it } from 'vitest';
import { DialtoneError } from '#src/domain/errors.ts';
import type { SubscriptionNotice } from '#src/domain/subscription-text.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { confirmByLink } from './confirm-by-link.ts';
import { confirmBySmsCode } from './confirm-by-sms-code.ts';
import { getSubscription } from './get-subscription.ts';
import { subscribersFor } from './notification-recipients.ts';
import { purgeUnconfirmedSubscribers } from './purge-unconfirmed-subscribers.ts';
import { type RequestSubscriptionOptions, requestSubscription } from './request-subscription.ts';
import { unsubscribe } from './unsubscribe.ts';
import { updateSubscription } from './update-subscription.ts';

const options: RequestSubscriptionOptions = {
  publicUrl: 'https://status.example.net',
  pageName: 'Beispiel',
  offered: ['email', 'sms', 'webhook'],
  checkWebhookUrl: async (url) => (url.includes('169.254') ? 'metadata' : null),
  newWebhookSecret: () => 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
};

describeEachStore('subscriptions', (getStore) => {
  beforeEach(async () => {
    const { db } = getStore();
    await db.deleteFrom('notifications').execute();
    await db.deleteFrom('subscribers').execute();
    await seedMiniCatalog(getStore());
  });

  async function messages() {
    const rows = await getStore()
      .db.selectFrom('notifications')
      .select(['event', 'kind', 'recipient', 'payload', 'subscriber_id'])
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, notice: JSON.parse(r.payload) as SubscriptionNotice }));
  }

  it('email: double opt-in, the link works once, a repeat for a confirmed address sends "already subscribed"', async () => {
    const clock = testClock();
    const ctx = testContext(getStore(), clock);
    const input = {
      kind: 'email',
      address: ' Praxis@Example.NET ',
      locale: 'en',
      scope: 'components',
      components: ['fax'],
    };
    const first = await requestSubscription({ ctx, input, options });
    expect(first).toEqual({ kind: 'email', address: 'praxis@example.net' });
    const [confirm] = await messages();
    expect(confirm).toMatchObject({
      event: 'subscriber.confirm',
      kind: 'email',
      recipient: 'praxis@example.net',
    });
    const url = confirm?.notice.confirmUrl ?? '';
    expect(url).toMatch(/^https:\/\/status\.example\.net\/subscribe\/confirm\//);
    // Not in any fan-out while pending.
    expect(await subscribersFor(getStore().db, ['fax'])).toEqual([]);
    const token = url.split('/').pop() ?? '';
    expect(await confirmByLink({ ctx, input: { token } })).toMatchObject({ kind: 'email', secret: null });
    expect(await confirmByLink({ ctx, input: { token } })).toBeNull();
    expect((await subscribersFor(getStore().db, ['fax'])).map((r) => r.address)).toEqual([
      'praxis@example.net',
    ]);
    expect(await subscribersFor(getStore().db, ['sip-trunk'])).toEqual([]);

    const again = await requestSubscription({
      ctx,
      input: { ...input, locale: 'de', scope: 'all' },
      options,
    });
    expect(again).toEqual(first);
    const latest = (await messages()).at(-1);
    expect(latest?.event).toBe('subscriber.already');
    expect(latest?.notice.manageUrl).toMatch(/\/subscribe\/manage\//);
    // The confirmed subscription keeps its own settings.
    const id = latest?.subscriber_id ?? '';
    expect(await getSubscription(getStore().db, id)).toMatchObject({
      locale: 'en',
      scope: 'components',
      componentIds: ['fax'],
    });
  });

  it('a link expires after 48 hours; a new request sends a new one', async () => {
    const clock = testClock();
    const ctx = testContext(getStore(), clock);
    await requestSubscription({ ctx, input: { kind: 'email', address: 'a@example.net' }, options });
    const token = (await messages())[0]?.notice.confirmUrl?.split('/').pop() ?? '';
    clock.advance(48 * 3_600_000 + 1);
    expect(await confirmByLink({ ctx, input: { token } })).toBeNull();
    await requestSubscription({ ctx, input: { kind: 'email', address: 'a@example.net' }, options });
    const fresh = (await messages())[1]?.notice.confirmUrl?.split('/').pop() ?? '';
    expect(fresh).not.toBe(token);
    expect(await confirmByLink({ ctx, input: { token: fresh } })).not.toBeNull();
    expect(await confirmByLink({ ctx, input: { token: 'garbage' } })).toBeNull();
  });

  it('SMS: E.164, code by SMS, five wrong codes kill it, the right one confirms', async () => {
    const ctx = testContext(getStore());
    await requestSubscription({ ctx, input: { kind: 'sms', address: '0176 1234 5678' }, options });
    const code = (await messages())[0]?.notice.code ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await confirmBySmsCode({ ctx, input: { phone: '+4917612345678', code: wrong } })).toBeNull();
    expect(await confirmBySmsCode({ ctx, input: { phone: '+4917612345678', code } })).toMatchObject({
      kind: 'sms',
    });

    await requestSubscription({ ctx, input: { kind: 'sms', address: '+49 30 1234567' }, options });
    const second = (await messages()).at(-1)?.notice.code ?? '';
    for (let i = 0; i < 5; i++) {
      await confirmBySmsCode({
        ctx,
        input: { phone: '+49301234567', code: second === '999999' ? '888888' : '999999' },
      });
    }
    expect(await confirmBySmsCode({ ctx, input: { phone: '+49301234567', code: second } })).toBeNull();
  });

  it('webhook: URL through the guard, secret handed out once at confirmation', async () => {
    const ctx = testContext(getStore());
    await expect(
      requestSubscription({ ctx, input: { kind: 'webhook', address: 'http://169.254.169.254/' }, options }),
    ).rejects.toSatisfy(
      (e: unknown) => e instanceof DialtoneError && e.fields[0]?.key === 'subscribers.error.urlRefused',
    );
    await requestSubscription({
      ctx,
      input: { kind: 'webhook', address: 'https://hooks.example.net/in' },
      options,
    });
    const [msg] = await messages();
    expect(msg).toMatchObject({ kind: 'webhook', recipient: 'https://hooks.example.net/in' });
    const token = msg?.notice.confirmUrl?.split('/').pop() ?? '';
    expect(await confirmByLink({ ctx, input: { token } })).toMatchObject({
      secret: options.newWebhookSecret(),
    });
  });

  it('refuses bad input per field and writes nothing', async () => {
    const ctx = testContext(getStore());
    await expect(
      requestSubscription({ ctx, input: { kind: 'email', address: 'nope', scope: 'components' }, options }),
    ).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof DialtoneError && e.fields.map((f) => f.path).join() === 'address,components',
    );
    expect(await getStore().db.selectFrom('subscribers').selectAll().execute()).toEqual([]);
    expect(await messages()).toEqual([]);
  });

  it('manage: change components and language, unsubscribe (repeatable), then no more messages', async () => {
    const ctx = testContext(getStore());
    await requestSubscription({ ctx, input: { kind: 'email', address: 'm@example.net' }, options });
    const token = (await messages())[0]?.notice.confirmUrl?.split('/').pop() ?? '';
    const confirmed = await confirmByLink({ ctx, input: { token } });
    const id = confirmed?.subscriberId ?? '';
    expect(
      await updateSubscription({
        ctx,
        input: { subscriberId: id, locale: 'en', scope: 'components', components: ['sip-trunk'] },
      }),
    ).toBe(true);
    expect(await getSubscription(getStore().db, id)).toMatchObject({
      locale: 'en',
      componentIds: ['sip-trunk'],
    });
    await expect(
      updateSubscription({ ctx, input: { subscriberId: id, scope: 'components', components: [] } }),
    ).rejects.toBeInstanceOf(DialtoneError);
    expect(await unsubscribe({ ctx, input: { subscriberId: id } })).toBe(true);
    expect(await unsubscribe({ ctx, input: { subscriberId: id } })).toBe(true);
    expect(await subscribersFor(getStore().db, ['sip-trunk'])).toEqual([]);
    expect(await updateSubscription({ ctx, input: { subscriberId: id, locale: 'de' } })).toBe(false);
  });
});

describeEachStore('forgetting unconfirmed requests', (getStore) => {
  beforeEach(async () => {
    await getStore().db.deleteFrom('notifications').execute();
    await getStore().db.deleteFrom('subscribers').execute();
    await seedMiniCatalog(getStore());
  });

  it('deletes never-confirmed requests a day after expiry and keeps an earlier opt-out', async () => {
    const clock = testClock();
    const ctx = testContext(getStore(), clock);
    await requestSubscription({ ctx, input: { kind: 'email', address: 'never@example.net' }, options });
    await requestSubscription({ ctx, input: { kind: 'email', address: 'left@example.net' }, options });
    const left = await getStore()
      .db.selectFrom('subscribers')
      .select('id')
      .where('address', '=', 'left@example.net')
      .executeTakeFirstOrThrow();
    const token = (
      await getStore()
        .db.selectFrom('notifications')
        .select('payload')
        .where('subscriber_id', '=', left.id)
        .executeTakeFirstOrThrow()
    ).payload;
    await confirmByLink({
      ctx,
      input: { token: (JSON.parse(token) as SubscriptionNotice).confirmUrl?.split('/').pop() ?? '' },
    });
    await unsubscribe({ ctx, input: { subscriberId: left.id } });
    await requestSubscription({ ctx, input: { kind: 'email', address: 'left@example.net' }, options });

    clock.advance(48 * 3_600_000 + 23 * 3_600_000);
    expect(await purgeUnconfirmedSubscribers({ ctx })).toEqual({ deleted: 0, reverted: 0 });
    clock.advance(2 * 3_600_000);
    expect(await purgeUnconfirmedSubscribers({ ctx })).toEqual({ deleted: 1, reverted: 1 });
    const rows = await getStore().db.selectFrom('subscribers').select(['address', 'state']).execute();
    expect(rows).toEqual([{ address: 'left@example.net', state: 'unsubscribed' }]);
  });
});
