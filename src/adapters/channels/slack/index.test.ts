import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../../test/support/http-receiver.ts';
import type { OutboundMessage } from '../channel.ts';
import { createSlackChannel } from './index.ts';

let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.stop());
beforeEach(() => {
  rx.requests.length = 0;
  rx.respond = () => ({ status: 200, body: 'ok' });
});
const channel = createSlackChannel({ guard: { allowPrivate: true } });
const message = (): OutboundMessage => ({
  id: 'n1',
  kind: 'slack',
  recipient: `${rx.url}/services/T000/B000/XXXX`,
  locale: 'de',
  event: 'alert.fired',
  subject: 'Alarm: SIP-Trunk <Cottbus>',
  text: 'Fehlerrate 12 % & steigend',
  payload: {},
});

it('posts text and blocks as JSON, mrkdwn control characters escaped', async () => {
  expect(await channel.send(message())).toEqual({ ok: true, detail: 'HTTP 200' });
  const [req] = rx.requests;
  expect(req?.path).toBe('/services/T000/B000/XXXX');
  const body = JSON.parse(req?.body ?? '');
  expect(body.text).toBe('Alarm: SIP-Trunk &lt;Cottbus&gt;\nFehlerrate 12 % &amp; steigend');
  expect(body.blocks[0].text.text).toBe('Alarm: SIP-Trunk <Cottbus>');
});

it('does not retry a webhook Slack no longer knows, retries when rate limited', async () => {
  rx.respond = () => ({ status: 404, body: 'no_service' });
  expect(await channel.send(message())).toEqual({
    ok: false,
    retryable: false,
    detail: 'HTTP 404 no_service',
  });
  rx.respond = () => ({ status: 429, body: 'rate_limited' });
  expect(await channel.send(message())).toMatchObject({ ok: false, retryable: true });
});
