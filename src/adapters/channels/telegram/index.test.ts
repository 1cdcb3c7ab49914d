import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../../test/support/http-receiver.ts';
import type { OutboundMessage } from '../channel.ts';
import { createTelegramChannel } from './index.ts';

let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.stop());

const token = '123456:ABC-def_ghi';
const message = (settings: Record<string, unknown>): OutboundMessage => ({
  id: 'n1',
  kind: 'telegram',
  recipient: rx.url,
  locale: 'de',
  event: 'incident.resolved',
  subject: 'Behoben: Fax',
  text: 'Alles wieder da.',
  payload: {},
  settings,
});
const channel = createTelegramChannel({ guard: { allowPrivate: true } });

it('calls sendMessage with chat id and text', async () => {
  rx.respond = () => ({ status: 200, body: '{"ok":true,"result":{}}' });
  expect(await channel.send(message({ botToken: token, chatId: '-100123' }))).toMatchObject({ ok: true });
  const [req] = rx.requests;
  expect(req?.path).toBe(`/bot${token}/sendMessage`);
  expect(JSON.parse(req?.body ?? '')).toMatchObject({
    chat_id: '-100123',
    text: 'Behoben: Fax\n\nAlles wieder da.',
  });
});

it('keeps the bot token out of the delivery log and does not retry a bad chat', async () => {
  rx.respond = (r) => ({ status: 400, body: `{"ok":false,"description":"chat not found ${r.path}"}` });
  const sent = await channel.send(message({ botToken: token, chatId: '1' }));
  expect(sent).toMatchObject({ ok: false, retryable: false });
  expect(JSON.stringify(sent)).not.toContain(token);
  expect(await channel.send(message({ botToken: 'not a token', chatId: '1' }))).toMatchObject({
    ok: false,
    retryable: false,
  });
});
