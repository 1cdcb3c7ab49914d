import { beforeEach, expect, it } from 'vitest';
import { DialtoneError } from '#src/domain/errors.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { countSubscribers } from './count-subscribers.ts';
import { deleteOperatorChannel } from './delete-operator-channel.ts';
import { listOperatorChannels } from './list-operator-channels.ts';
import { loadOperatorChannel } from './load-operator-channel.ts';
import { operatorChannelsFor } from './notification-recipients.ts';
import { removeSubscriber } from './remove-subscriber.ts';
import { saveOperatorChannel } from './save-operator-channel.ts';
import { searchSubscribers } from './search-subscribers.ts';

const options = {
  checkUrl: async (url: string) => (url.includes('169.254') ? 'metadata' : null),
  newWebhookSecret: () => 'whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=',
};

describeEachStore('operator channels and the subscriber list', (getStore) => {
  beforeEach(async () => {
    const { db } = getStore();
    await db.deleteFrom('operator_channels').execute();
    await db.deleteFrom('subscribers').execute();
    await db.deleteFrom('audit_log').execute();
    await seedMiniCatalog(getStore());
  });

  it('creates, edits keeping credentials, lists without them, deletes; each with an audit row', async () => {
    const ctx = testContext(getStore(), testClock());
    const form = {
      kind: 'matrix',
      name: 'NOC room',
      url: 'https://matrix.example.org',
      room: '!noc:example.org',
      secret: 'syt_topsecret',
      events: ['alert.fired', 'incident.declared'],
    };
    const { id, signingSecret } = await saveOperatorChannel({ ctx, input: { form }, options });
    expect(signingSecret).toBeNull();
    expect((await operatorChannelsFor(getStore().db, 'alert.fired')).map((r) => r.operatorChannelId)).toEqual(
      [id],
    );
    expect(await operatorChannelsFor(getStore().db, 'alert.resolved')).toEqual([]);

    (ctx.clock as ReturnType<typeof testClock>).advance(1000);
    await saveOperatorChannel({
      ctx,
      input: {
        id,
        form: { name: 'NOC', room: '!noc:example.org', events: ['alert.resolved'], enabled: false },
      },
      options,
    });
    const stored = await loadOperatorChannel(getStore().db, id);
    expect(stored?.settings).toEqual({ room: '!noc:example.org', accessToken: 'syt_topsecret' });
    expect(stored?.url).toBe('https://matrix.example.org/');
    const [view] = await listOperatorChannels(getStore().db);
    expect(view).toMatchObject({
      name: 'NOC',
      host: 'https://matrix.example.org',
      enabled: false,
      events: ['alert.resolved'],
    });
    expect(JSON.stringify(view)).not.toContain('syt_topsecret');
    expect(await operatorChannelsFor(getStore().db, 'alert.resolved')).toEqual([]);

    await deleteOperatorChannel({ ctx, input: { id } });
    await expect(deleteOperatorChannel({ ctx, input: { id } })).rejects.toBeInstanceOf(DialtoneError);
    const audit = await getStore()
      .db.selectFrom('audit_log')
      .select(['action', 'detail'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'operator_channel.created',
      'operator_channel.updated',
      'operator_channel.deleted',
    ]);
    expect(JSON.stringify(audit)).not.toContain('syt_topsecret');
  });

  it('a generic webhook gets a signing secret once; metadata URLs are refused per field', async () => {
    const ctx = testContext(getStore());
    const made = await saveOperatorChannel({
      ctx,
      input: {
        form: {
          kind: 'webhook',
          name: 'ITSM',
          url: 'https://itsm.example.net/hook',
          events: ['incident.declared'],
        },
      },
      options,
    });
    expect(made.signingSecret).toBe(options.newWebhookSecret());
    await expect(
      saveOperatorChannel({
        ctx,
        input: {
          form: { kind: 'slack', name: 'x', url: 'http://169.254.169.254/', events: ['alert.fired'] },
        },
        options,
      }),
    ).rejects.toSatisfy(
      (e: unknown) => e instanceof DialtoneError && e.fields[0]?.key === 'subscribers.error.urlRefused',
    );
  });

  it('counts subscribers by kind and state, finds by address part (wildcards literal), removes with audit', async () => {
    const { db } = getStore();
    const row = (id: string, kind: 'email' | 'sms', address: string, state: 'pending' | 'confirmed') => ({
      id,
      kind,
      address,
      state,
      locale: 'de' as const,
      scope: 'all' as const,
      confirm_failures: 0,
      created_at: `2026-11-2${id.length}T00:00:00.000Z`,
      updated_at: '2026-11-20T00:00:00.000Z',
    });
    await db
      .insertInto('subscribers')
      .values([
        row('a', 'email', 'anna@example.net', 'confirmed'),
        row('bb', 'email', 'b_b@example.net', 'pending'),
        row('ccc', 'sms', '+4917612345678', 'confirmed'),
      ])
      .execute();
    expect(await countSubscribers(db)).toEqual([
      { kind: 'email', state: 'confirmed', count: 1 },
      { kind: 'email', state: 'pending', count: 1 },
      { kind: 'sms', state: 'confirmed', count: 1 },
    ]);
    expect((await searchSubscribers(db, 'EXAMPLE')).map((s) => s.id)).toEqual(['bb', 'a']);
    expect((await searchSubscribers(db, '_')).map((s) => s.id)).toEqual(['bb']);
    expect((await searchSubscribers(db, '1761')).map((s) => s.id)).toEqual(['ccc']);
    const ctx = testContext(getStore());
    await removeSubscriber({ ctx, input: { id: 'a' } });
    expect((await searchSubscribers(db, '')).map((s) => s.id)).toEqual(['ccc', 'bb']);
    const audit = await db.selectFrom('audit_log').select(['action', 'detail']).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain('anna');
  });
});
