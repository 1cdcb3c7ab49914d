import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { type Receiver, startReceiver } from '../../../../test/support/http-receiver.ts';

let t: TestApp;
let rx: Receiver;
let admin: { cookie: string; csrf: string };
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.stop());
beforeEach(async () => {
  // The receiver runs on 127.0.0.1: private addresses allowed explicitly for this test.
  t = await buildTestApp({ env: { DIALTONE_OUTBOUND_ALLOW_PRIVATE: 'true' } });
  admin = await signedInStaff(t, 'admin');
  rx.requests.length = 0;
  rx.respond = () => ({ status: 200, body: 'ok' });
});
afterEach(() => t.close());

const form = (url: string, fields: Record<string, string | string[]>, who = admin) => {
  const params = new URLSearchParams({ _csrf: who.csrf });
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) params.append(k, x);
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: who.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': 'en',
    },
    payload: params.toString(),
  });
};

it('adds a Slack channel, never shows its URL again, sends a test message, edits and removes it', async () => {
  const url = `${rx.url}/services/T0/B0/secretpart`;
  const saved = await form('/console/channels', {
    kind: 'slack',
    name: 'NOC',
    url,
    events: ['alert.fired', 'incident.declared'],
    locale: 'en',
    enabled: 'yes',
  });
  expect(saved.statusCode).toBe(303);
  const page = await t.app.inject({ url: '/console/channels', headers: { cookie: admin.cookie } });
  expect(page.body).toContain('NOC');
  expect(page.body).not.toContain('secretpart');
  const { id } = await t.store.db.selectFrom('operator_channels').select('id').executeTakeFirstOrThrow();

  const tested = await form(`/console/channels/${id}/test`, {});
  expect(tested.statusCode).toBe(200);
  expect(tested.body).toContain('Die Testnachricht wurde angenommen (HTTP 200)');
  expect(rx.requests[0]?.path).toBe('/services/T0/B0/secretpart');
  expect(JSON.parse(rx.requests[0]?.body ?? '').text).toContain('Testnachricht von dialtone');

  rx.respond = () => ({ status: 404, body: 'no_service' });
  const failed = await form(`/console/channels/${id}/test`, {});
  expect(failed.statusCode).toBe(502);
  expect(failed.body).toContain('Die Testnachricht kam nicht an: HTTP 404 no_service');

  // Edit with the URL left empty keeps it.
  expect(
    (await form(`/console/channels/${id}`, { name: 'NOC 2', events: ['alert.resolved'] })).statusCode,
  ).toBe(303);
  const row = await t.store.db.selectFrom('operator_channels').selectAll().executeTakeFirstOrThrow();
  expect(row).toMatchObject({ name: 'NOC 2', url, enabled: 0, events: '["alert.resolved"]' });

  expect((await form(`/console/channels/${id}/delete`, {})).statusCode).toBe(303);
  const audit = await t.store.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'operator_channel')
    .execute();
  expect(audit.map((a) => a.action).sort()).toEqual([
    'operator_channel.created',
    'operator_channel.deleted',
    'operator_channel.updated',
  ]);
});

it('shows a webhook signing secret once and keeps bad input with per-field errors', async () => {
  const made = await form('/console/channels', {
    kind: 'webhook',
    name: 'ITSM',
    url: `${rx.url}/itsm`,
    events: 'incident.declared',
  });
  expect(made.statusCode).toBe(201);
  const secret = /value="(whsec_[^"]+)"/.exec(made.body)?.[1] ?? '';
  expect(secret).not.toBe('');
  const again = await t.app.inject({ url: '/console/channels', headers: { cookie: admin.cookie } });
  expect(again.body).not.toContain(secret);

  const bad = await form('/console/channels', {
    kind: 'matrix',
    name: 'Ops room',
    url: 'http://169.254.169.254/',
    room: 'nope',
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain('value="Ops room"');
  expect(bad.body).toContain('Bitte geben Sie die Raum-ID an');
  expect(bad.body).toContain('Bitte wählen Sie mindestens ein Ereignis.');
});

it('is for admins only', async () => {
  const operator = await signedInStaff(t, 'operator');
  expect(
    (await t.app.inject({ url: '/console/channels', headers: { cookie: operator.cookie } })).statusCode,
  ).toBe(403);
  expect((await form('/console/channels', { kind: 'slack' }, operator)).statusCode).toBe(403);
});
