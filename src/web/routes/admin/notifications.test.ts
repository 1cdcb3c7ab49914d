import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let admin: { cookie: string; csrf: string };
let operator: { cookie: string; csrf: string };

const row = (id: string, over: Record<string, unknown>) => ({
  id,
  idempotency_key: `incident.updated:i1:u1:email:${id}`,
  event: 'incident.updated',
  kind: 'email',
  recipient: `${id}@example.net`,
  subscriber_id: null,
  operator_channel_id: null,
  report_id: null,
  subject_id: 'i1',
  locale: 'de',
  subject: 'Neuigkeiten zur Störung: Fax',
  body_text: '',
  body_html: null,
  payload: '{}',
  headers: '{}',
  state: 'pending',
  attempts: 0,
  attempt_limit: null,
  next_attempt_at: '2026-11-20T10:00:00.000Z',
  claimed_by: null,
  claimed_until: null,
  last_error: null,
  created_at: '2026-11-20T09:00:00.000Z',
  sent_at: null,
  ...over,
});

beforeEach(async () => {
  t = await buildTestApp();
  admin = await signedInStaff(t, 'admin');
  operator = await signedInStaff(t, 'operator');
  await t.store.db
    .insertInto('notifications')
    .values([
      row('n1', {
        state: 'sent',
        attempts: 1,
        sent_at: '2026-11-20T09:00:01.000Z',
        body_text: 'Hallo <b>Welt</b>',
      }),
      row('n2', {
        state: 'dead',
        attempts: 1,
        recipient: '<script>x</script>@example.net',
        last_error: 'EENVELOPE: 550 mailbox unavailable',
      }),
      row('n3', { kind: 'webhook', event: 'incident.declared', recipient: 'https://hooks.example.net/a' }),
    ])
    .execute();
  await t.store.db
    .insertInto('notification_attempts')
    .values({
      notification_id: 'n2',
      attempt: 1,
      at: '2026-11-20T09:00:02.000Z',
      ok: 0,
      detail: '550 mailbox unavailable',
      worker: 'w1',
    })
    .execute();
});
afterEach(() => t.close());

const get = (url: string, who = operator) => t.app.inject({ url, headers: { cookie: who.cookie } });
const post = (url: string, fields: Record<string, string>, who = admin) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

it('lists the delivery log with counts, filters it and escapes what it shows', async () => {
  const all = await get('/console/notifications');
  expect(all.statusCode).toBe(200);
  expect(all.body).toContain('1 wartend · 1 zugestellt · 1 unzustellbar');
  expect(all.body).toContain('<td>E-Mail</td>');
  expect(all.body).toContain('<option value="webhook">Webhook</option>');
  expect(all.body).toContain('&#60;script&#62;x&#60;/script&#62;@example.net');
  expect(all.body).not.toContain('<script>x');
  const dead = await get('/console/notifications?state=dead');
  expect(dead.body).toContain('/console/notifications/n2');
  expect(dead.body).not.toContain('/console/notifications/n1');
  const webhooks = await get('/console/notifications?kind=webhook&event=incident.declared');
  expect(webhooks.body).toContain('https://hooks.example.net/a');
  expect(webhooks.body).not.toContain('n1@example.net');
  const english = await get('/console/notifications?lang=en&state=nonsense');
  expect(english.statusCode).toBe(200);
  expect(english.body).toContain('No messages for this filter.');
});

it('shows a message with its attempts; only admins may send a dead letter again', async () => {
  const detail = await get('/console/notifications/n2');
  expect(detail.body).toContain('550 mailbox unavailable');
  expect(detail.body).not.toContain('/console/notifications/n2/retry');
  expect((await get('/console/notifications/n1')).body).toContain('Hallo &#60;b&#62;Welt&#60;/b&#62;');
  expect((await get('/console/notifications/nope')).statusCode).toBe(404);
  expect((await post('/console/notifications/n2/retry', { _csrf: operator.csrf }, operator)).statusCode).toBe(
    403,
  );
  expect((await post('/console/notifications/n2/retry', {})).statusCode).toBe(403);

  expect((await get('/console/notifications/n2', admin)).body).toContain('/console/notifications/n2/retry');
  const retried = await post('/console/notifications/n2/retry', { _csrf: admin.csrf });
  expect(retried.statusCode).toBe(303);
  expect(retried.headers.location).toBe('/console/notifications/n2?notice=retried');
  const after = await t.store.db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', 'n2')
    .executeTakeFirstOrThrow();
  expect(after).toMatchObject({ state: 'pending', attempt_limit: 4 });
  const audit = await t.store.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'notification.retry')
    .execute();
  expect(audit).toHaveLength(1);
  expect(audit[0]?.subject_id).toBe('n2');

  const again = await post('/console/notifications/n2/retry', { _csrf: admin.csrf });
  expect(again.statusCode).toBe(409);
  expect(again.body).toContain('Nur unzustellbare Nachrichten können erneut gesendet werden');
  expect((await post('/console/notifications/nope/retry', { _csrf: admin.csrf })).statusCode).toBe(404);
});
