import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../../test/support/http-receiver.ts';
import type { OutboundMessage } from '../channel.ts';
import { createMatrixChannel } from './index.ts';

let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.stop());

const message = (settings: Record<string, unknown>): OutboundMessage => ({
  id: 'ntf 42',
  kind: 'matrix',
  recipient: `${rx.url}/`,
  locale: 'en',
  event: 'alert.fired',
  subject: 'Alert <b>',
  text: 'a & b',
  payload: {},
  settings,
});

it('PUTs an m.text event with the message id as transaction id and the access token', async () => {
  rx.respond = () => ({ status: 200, body: '{"event_id":"$abc"}' });
  const channel = createMatrixChannel({ guard: { allowPrivate: true } });
  expect(await channel.send(message({ room: '!ops:example.org', accessToken: 'syt_secret' }))).toMatchObject({
    ok: true,
  });
  const [req] = rx.requests;
  expect(req?.method).toBe('PUT');
  expect(req?.path).toBe('/_matrix/client/v3/rooms/!ops%3Aexample.org/send/m.room.message/ntf%2042');
  expect(req?.headers.authorization).toBe('Bearer syt_secret');
  const body = JSON.parse(req?.body ?? '');
  expect(body).toMatchObject({ msgtype: 'm.text', body: 'Alert <b>\na & b' });
  expect(body.formatted_body).toBe('<strong>Alert &lt;b&gt;</strong><br>a &amp; b');
});

it('refuses without room or token, and does not retry a forbidden room', async () => {
  const channel = createMatrixChannel({ guard: { allowPrivate: true } });
  expect(await channel.send(message({ room: '!r:x' }))).toMatchObject({ ok: false, retryable: false });
  rx.respond = () => ({ status: 403, body: '{"errcode":"M_FORBIDDEN"}' });
  expect(await channel.send(message({ room: '!r:x', accessToken: 't' }))).toMatchObject({
    ok: false,
    retryable: false,
  });
});
