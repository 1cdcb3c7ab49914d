/**
 * An incident update reaches a webhook subscriber through the outbox worker and the webhook
 * channel: a receiver on 127.0.0.1 verifies the signature with the `standardwebhooks` reference
 * library, and `webhook-id` is the notification's id.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWebhookChannel } from '#src/adapters/channels/webhook/index.ts';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { createOutboxWorker } from './outbox-worker.ts';

const secret = `whsec_${randomBytes(24).toString('base64')}`;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let server: Server;
let url: string;
let store: Store;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/status`;
  store = await openStore({ sqliteFile: ':memory:' });
  await seedMiniCatalog(store);
});
afterAll(async () => {
  await store.close();
  await new Promise<void>((r) => server.close(() => r()));
});

it('delivers a signed incident event that the reference library verifies', async () => {
  const at = '2026-11-01T00:00:00.000Z';
  await store.db
    .insertInto('subscribers')
    .values({
      id: 'hook1',
      kind: 'webhook',
      address: url,
      locale: 'en',
      scope: 'all',
      state: 'confirmed',
      confirm_hash: null,
      confirm_expires_at: null,
      confirm_failures: 0,
      secret,
      created_at: at,
      updated_at: at,
      confirmed_at: at,
      unsubscribed_at: null,
    })
    .execute();
  const clock = testClock('2026-11-20T10:00:00.000Z');
  const { id } = await declareIncident({
    ctx: testContext(store, clock),
    input: {
      title: { de: 'Fax gestört', en: 'Fax down' },
      components: [{ componentId: 'fax', status: 'major_outage' }],
      message: { de: 'Wir prüfen.', en: 'Checking.' },
    },
  });
  const worker = createOutboxWorker({
    db: store.db,
    dialect: store.dialect,
    // The receiver is on loopback: allowed explicitly, as an admin would for a private address.
    // The channel signs with the real time: the reference library checks it against now.
    channels: new Map([['webhook', createWebhookChannel({ guard: { allowPrivate: true } })]]),
    clock,
    workerId: 'w',
    settings: { publicUrl: 'https://status.example.net', timeZone: 'Europe/Berlin', pageName: 'Beispiel' },
    maxAttempts: 3,
    ratesPerSecond: { webhook: 100 },
  });
  expect(await worker.runOnce()).toBe(1);
  expect(received).toHaveLength(1);
  const [hit] = received;
  const headers = Object.fromEntries(Object.entries(hit?.headers ?? {}).map(([k, v]) => [k, String(v)]));
  const event = new Webhook(secret).verify(hit?.body ?? '', headers) as {
    type: string;
    data: Record<string, unknown>;
  };
  expect(event.type).toBe('incident.declared');
  expect(event.data).toMatchObject({ type: 'incident', incidentId: id, title: { en: 'Fax down' } });
  const row = await store.db.selectFrom('notifications').select(['id', 'state']).executeTakeFirstOrThrow();
  expect(headers['webhook-id']).toBe(row.id);
  expect(row.state).toBe('sent');
});
