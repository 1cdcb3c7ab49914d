import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../../../test/support/smtp.ts';
import type { OutboundMessage } from '../channel.ts';
import { createEmailChannel } from './index.ts';

const message = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: '01JTESTMESSAGE0001',
  kind: 'email',
  recipient: 'kunde@example.net',
  locale: 'de',
  event: 'incident.updated',
  subject: 'Störung: Telefonie Köln – eingehende Anrufe',
  text: 'Grüße aus der Störungsstelle.\nhttps://status.example.net/incidents/1',
  html: '<p>Grüße aus der Störungsstelle.</p>',
  payload: {},
  headers: {
    'List-Unsubscribe': '<https://status.example.net/subscribe/manage/abc.def>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
  ...over,
});

describe('email channel (real SMTP server on 127.0.0.1)', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink({
      refuse: (to) =>
        to.includes('nobody@example.net') ? 550 : to.includes('busy@example.net') ? 451 : undefined,
    });
  });
  afterAll(async () => sink.close());

  it('delivers text and HTML with the message id and unsubscribe headers', async () => {
    const channel = createEmailChannel({ smtpUrl: sink.url, from: 'Status <status@example.net>' });
    const result = await channel.send(message());
    await channel.close?.();
    expect(result.ok).toBe(true);
    const mail = sink.mails.at(-1);
    expect(mail?.to).toEqual(['kunde@example.net']);
    expect(mail?.subject).toBe('Störung: Telefonie Köln – eingehende Anrufe');
    expect(mail?.messageId).toBe('<01JTESTMESSAGE0001@example.net>');
    expect(mail?.headers.get('list-unsubscribe')).toBe(
      '<https://status.example.net/subscribe/manage/abc.def>',
    );
    expect(mail?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail?.headers.get('x-dialtone-event')).toBe('incident.updated');
    expect(mail?.text).toContain('Grüße aus der Störungsstelle.');
    expect(mail?.html).toContain('<p>Grüße aus der Störungsstelle.</p>');
  });

  it('says a refused mailbox is permanent and a busy server temporary', async () => {
    const channel = createEmailChannel({ smtpUrl: sink.url, from: 'status@example.net' });
    const refused = await channel.send(message({ recipient: 'nobody@example.net' }));
    const busy = await channel.send(message({ recipient: 'busy@example.net' }));
    await channel.close?.();
    expect(refused).toMatchObject({ ok: false, retryable: false });
    expect(busy).toMatchObject({ ok: false, retryable: true });
  });

  it('says a server that is not there is worth another try, without throwing', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const channel = createEmailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'status@example.net' });
    const result = await channel.send(message());
    await channel.close?.();
    expect(result).toMatchObject({ ok: false, retryable: true });
  });
});
