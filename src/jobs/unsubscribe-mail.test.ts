/**
 * One-click unsubscribe from a received mail (RFC 8058): the `List-Unsubscribe` URL of a real mail,
 * POSTed the way mail providers do, ends the subscription, and the next incident sends nothing.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createEmailChannel } from '#src/adapters/channels/email/index.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { enqueueNotifications } from '#src/services/enqueue-notifications.ts';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { seedMiniCatalog, testContext } from '../../test/support/factories.ts';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp.ts';
import { createOutboxWorker } from './outbox-worker.ts';

let t: TestApp;
let sink: SmtpSink;
beforeEach(async () => {
  t = await buildTestApp();
  sink = await startSmtpSink();
  await seedMiniCatalog(t.store);
  const at = t.clock().toISOString();
  await t.store.db
    .insertInto('subscribers')
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
      created_at: at,
      updated_at: at,
      confirmed_at: at,
      unsubscribed_at: null,
    })
    .execute();
});
afterEach(async () => {
  await sink.close();
  await t.close();
});

it('ends the subscription with the one-click POST from the mail header', async () => {
  const email = createEmailChannel({ smtpUrl: sink.url, from: 'status@example.net' });
  const worker = createOutboxWorker({
    db: t.store.db,
    dialect: t.store.dialect,
    channels: new Map([['email', email]]),
    clock: t.clock,
    workerId: 'w',
    settings: { publicUrl: t.deps.config.publicUrl, timeZone: 'Europe/Berlin', pageName: 'Beispiel' },
    maxAttempts: 3,
    ratesPerSecond: { email: 1000 },
  });
  const declare = () =>
    declareIncident({
      ctx: testContext(t.store, t.clock),
      input: {
        title: { de: 'Fax gestört', en: 'Fax down' },
        components: [{ componentId: 'fax', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Checking.' },
      },
    });
  await declare();
  expect(await worker.runOnce()).toBe(1);
  const header = sink.mails[0]?.headers.get('list-unsubscribe') ?? '';
  const url = new URL(/<(https?:[^>]+)>/.exec(header)?.[1] ?? 'http://invalid');
  expect(url.origin).toBe('http://status.example.net');

  const res = await t.app.inject({
    method: 'POST',
    url: url.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });
  expect(res.statusCode).toBeLessThan(400);
  const sub = await t.store.db
    .selectFrom('subscribers')
    .select('state')
    .where('id', '=', 's1')
    .executeTakeFirstOrThrow();
  expect(sub.state).toBe('unsubscribed');

  t.clock.advance(60_000);
  await declare();
  expect(await worker.runOnce()).toBe(0);
  expect(sink.mails).toHaveLength(1);
  await email.close?.();
});

it("gives an affected customer's mail the one-click opt-out link", async () => {
  const email = createEmailChannel({ smtpUrl: sink.url, from: 'status@example.net' });
  const { id } = await declareIncident({
    ctx: testContext(t.store, t.clock),
    input: {
      title: { de: 'Fax gestört', en: 'Fax down' },
      components: [{ componentId: 'fax', status: 'major_outage' }],
      message: { de: 'Wir prüfen.', en: 'Checking.' },
    },
  });
  const update = await t.store.db
    .selectFrom('incident_updates')
    .select('id')
    .where('incident_id', '=', id)
    .executeTakeFirstOrThrow();
  await t.store.db.deleteFrom('notifications').execute();
  await t.store.db.transaction().execute((trx) =>
    enqueueNotifications(trx, testContext(t.store, t.clock), {
      event: 'incident.affected',
      incidentId: id,
      updateId: update.id,
      recipients: [{ kind: 'email', address: 'praxis@muster.example', locale: 'de', contactId: 'c1' }],
    }),
  );
  const worker = createOutboxWorker({
    db: t.store.db,
    dialect: t.store.dialect,
    channels: new Map([['email', email]]),
    clock: t.clock,
    workerId: 'w',
    settings: { publicUrl: t.deps.config.publicUrl, timeZone: 'Europe/Berlin', pageName: 'Beispiel' },
    maxAttempts: 3,
    ratesPerSecond: { email: 1000 },
  });
  expect(await worker.runOnce()).toBe(1);
  const mail = sink.mails[0];
  expect(mail?.text).toContain('Nach unseren Unterlagen ist Ihr Anschluss von dieser Störung betroffen.');
  const url = new URL(
    /<(https?:[^>]+)>/.exec(mail?.headers.get('list-unsubscribe') ?? '')?.[1] ?? 'http://invalid',
  );
  expect(url.pathname).toMatch(/^\/opt-out\//);
  expect(mail?.text).toContain(url.href);
  const res = await t.app.inject({
    method: 'POST',
    url: url.pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  });
  expect(res.statusCode).toBe(200);
  await email.close?.();
});
