import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../../test/support/http-receiver.ts';
import type { OutboundMessage } from '../channel.ts';
import { createWebhookChannel } from './index.ts';
import { newWebhookSecret } from './sign.ts';

const at = new Date('2026-11-22T04:00:00.000Z');
let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.stop());
beforeEach(() => {
  rx.requests.length = 0;
  rx.respond = () => ({ status: 204 });
});

const secret = newWebhookSecret();
const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'ntf_01JDX',
  kind: 'webhook',
  recipient: `${rx.url}/hooks/status`,
  locale: 'en',
  event: 'incident.updated',
  subject: 'SIP trunk: partial outage',
  text: 'We are investigating.',
  payload: { incident: { id: 'inc-1', status: 'investigating' }, note: 'Umlaute äöü "quoted"' },
  settings: { secret },
  ...over,
});
const channel = createWebhookChannel({ guard: { allowPrivate: true }, clock: () => at });

describe('webhook channel', () => {
  it('signs per Standard Webhooks: the reference library verifies the request', async () => {
    expect(await channel.send(message())).toMatchObject({ ok: true });
    const [req] = rx.requests;
    expect(req?.headers['webhook-id']).toBe('ntf_01JDX');
    expect(req?.headers['webhook-timestamp']).toBe(String(at.getTime() / 1000));
    const verifier = new Webhook(secret);
    const headers = {
      'webhook-id': String(req?.headers['webhook-id']),
      'webhook-timestamp': String(req?.headers['webhook-timestamp']),
      'webhook-signature': String(req?.headers['webhook-signature']),
    };
    // The library refuses timestamps far from its clock; verify against the message's own time.
    const realNow = Date.now;
    Date.now = () => at.getTime();
    try {
      expect(verifier.verify(req?.body ?? '', headers)).toEqual({
        type: 'incident.updated',
        timestamp: at.toISOString(),
        data: message().payload,
      });
      const other = new Webhook(newWebhookSecret());
      expect(() => other.verify(req?.body ?? '', headers)).toThrow();
      expect(() => verifier.verify(`${req?.body} `, headers)).toThrow();
    } finally {
      Date.now = realNow;
    }
  });

  it('sends an envelope the outbox built as it is', async () => {
    const envelope = { type: 'incident.resolved', timestamp: '2026-11-22T03:00:00.000Z', data: { a: 1 } };
    expect(await channel.send(message({ payload: envelope }))).toMatchObject({ ok: true });
    expect(JSON.parse(rx.requests[0]?.body ?? '')).toEqual(envelope);
  });

  it('classifies answers: 5xx and 429 retry, other 4xx do not', async () => {
    rx.respond = () => ({ status: 503, body: 'maintenance' });
    expect(await channel.send(message())).toMatchObject({
      ok: false,
      retryable: true,
      detail: 'HTTP 503 maintenance',
    });
    rx.respond = () => ({ status: 429 });
    expect(await channel.send(message())).toMatchObject({ ok: false, retryable: true });
    rx.respond = () => ({ status: 410, body: 'gone' });
    expect(await channel.send(message())).toMatchObject({ ok: false, retryable: false });
    rx.respond = () => ({ status: 301, headers: { location: 'http://127.0.0.1:1/' } });
    expect(await channel.send(message())).toMatchObject({ ok: false, retryable: false });
  });

  it('refuses to send without a secret or to a guarded address', async () => {
    expect(await channel.send(message({ settings: {} }))).toMatchObject({ ok: false, retryable: false });
    const strict = createWebhookChannel({ guard: { allowPrivate: false } });
    expect(await strict.send(message())).toMatchObject({ ok: false, retryable: false });
    expect(await channel.send(message({ recipient: 'http://169.254.169.254/' }))).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect(rx.requests).toHaveLength(0);
  });
});
