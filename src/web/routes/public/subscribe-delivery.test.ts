/**
 * Subscription messages through the real outbox worker to real receivers on 127.0.0.1: the SMS
 * code reaches the SMS gateway and confirms the number; a webhook's confirmation event arrives
 * signed (checked with the standardwebhooks library) and carries the link that confirms it and
 * hands out the secret; later events are signed with that secret.
 */
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createChannels } from '#src/adapters/channels/index.ts';
import { createOutboxWorker } from '#src/jobs/outbox-worker.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog } from '../../../../test/support/factories.ts';
import { type Receiver, startReceiver } from '../../../../test/support/http-receiver.ts';

let t: TestApp;
let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.stop());
beforeEach(async () => {
  rx.requests.length = 0;
  rx.respond = () => ({ status: 204 });
  t = await buildTestApp({
    env: {
      // The receivers run on 127.0.0.1: allowed explicitly for this test.
      DIALTONE_OUTBOUND_ALLOW_PRIVATE: 'true',
      DIALTONE_SMS_GATEWAY: 'http',
      DIALTONE_SMS_URL: `${rx.url}/sms`,
      DIALTONE_SMS_FROM: 'Status',
    },
  });
  await seedMiniCatalog(t.store);
});
afterEach(() => t.close());

/** Delivers everything due, as the running worker would. */
async function deliver() {
  const worker = createOutboxWorker({
    db: t.store.db,
    dialect: t.store.dialect,
    channels: createChannels(t.deps.config),
    clock: () => t.clock(),
    workerId: 'test',
    settings: { publicUrl: t.deps.config.publicUrl, timeZone: 'Europe/Berlin', pageName: 'dialtone' },
    maxAttempts: 3,
    ratesPerSecond: { sms: 1000, webhook: 1000 },
  });
  while ((await worker.runOnce()) > 0) {}
}

async function openForm(url = '/subscribe') {
  const res = await t.app.inject({ url, headers: { 'accept-language': 'en' } });
  return {
    cookie: String(res.headers['set-cookie']).split(';')[0] ?? '',
    csrf: /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '',
  };
}
const post = (url: string, fields: Record<string, string>, form: { cookie: string; csrf: string }) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: form.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': 'en',
    },
    payload: new URLSearchParams({ _csrf: form.csrf, ...fields }).toString(),
  });

it('SMS: the code goes to the gateway and confirms the number', async () => {
  const form = await openForm();
  await post('/subscribe', { kind: 'sms', address: '+49 176 1234 5678', locale: 'en' }, form);
  await deliver();
  const sms = JSON.parse(rx.requests.find((r) => r.path === '/sms')?.body ?? '{}') as {
    to: string;
    text: string;
  };
  expect(sms.to).toBe('+4917612345678');
  const code = /code is (\d{6})/.exec(sms.text)?.[1] ?? '';
  expect(code).toMatch(/^\d{6}$/);
  const done = await post('/subscribe/sms', { phone: '+4917612345678', code }, form);
  expect(done.body).toContain('Subscription confirmed');
});

it('webhook: signed confirmation event, confirm link hands out the secret, later events verify with it', async () => {
  const form = await openForm();
  const hook = `${rx.url}/hooks/status`;
  const asked = await post('/subscribe', { kind: 'webhook', address: hook, locale: 'en' }, form);
  expect(asked.body).toContain('subscriber.confirm&#34; event to');
  await deliver();
  const first = rx.requests.find((r) => r.path === '/hooks/status');
  const event = JSON.parse(first?.body ?? '{}') as { type: string; data: { confirmUrl: string } };
  expect(event.type).toBe('subscriber.confirm');
  const token = event.data.confirmUrl.split('/').pop() ?? '';
  const confirmed = await post(`/subscribe/confirm/${token}`, {}, form);
  const secret = /<code class="secret">(whsec_[^<]+)<\/code>/.exec(confirmed.body)?.[1] ?? '';
  expect(secret).toMatch(/^whsec_/);
  // The confirmation event was signed with the same secret, so the receiver can check it now.
  const verify = (req: typeof first) => {
    const realNow = Date.now;
    Date.now = () => Number(req?.headers['webhook-timestamp']) * 1000;
    try {
      return new Webhook(secret).verify(req?.body ?? '', {
        'webhook-id': String(req?.headers['webhook-id']),
        'webhook-timestamp': String(req?.headers['webhook-timestamp']),
        'webhook-signature': String(req?.headers['webhook-signature']),
      });
    } finally {
      Date.now = realNow;
    }
  };
  expect(verify(first)).toMatchObject({ type: 'subscriber.confirm' });

  const manage =
    /href="http:\/\/status\.example\.net(\/subscribe\/manage\/[^"]+)"/.exec(confirmed.body)?.[1] ?? '';
  const page = await openForm(manage);
  await post(`${manage}/test`, {}, page);
  await deliver();
  const test = rx.requests.filter((r) => r.path === '/hooks/status').at(-1);
  expect(verify(test)).toMatchObject({ type: 'subscriber.test' });
});
