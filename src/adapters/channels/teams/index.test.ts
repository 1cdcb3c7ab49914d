import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../../test/support/http-receiver.ts';
import { createTeamsChannel } from './index.ts';

let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
});
afterAll(() => rx.stop());

it('posts one Adaptive Card; 202 from a workflow counts as delivered', async () => {
  rx.respond = () => ({ status: 202 });
  const channel = createTeamsChannel({ guard: { allowPrivate: true } });
  const sent = await channel.send({
    id: 'n1',
    kind: 'teams',
    recipient: `${rx.url}/workflows/abc/triggers/manual/paths/invoke?sig=x`,
    locale: 'en',
    event: 'incident.declared',
    subject: 'Incident: fax down',
    text: 'Line 1\nLine 2',
    payload: {},
  });
  expect(sent).toEqual({ ok: true, detail: 'HTTP 202' });
  const body = JSON.parse(rx.requests[0]?.body ?? '');
  expect(body.type).toBe('message');
  expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(body.attachments[0].content.body.map((b: { text: string }) => b.text)).toEqual([
    'Incident: fax down',
    'Line 1\nLine 2',
  ]);
  expect(rx.requests[0]?.path).toBe('/workflows/abc/triggers/manual/paths/invoke?sig=x');
});
