/**
 * @module Email through nodemailer over pooled SMTP connections. The notification's id becomes the
 * Message-ID (`<id@sender-domain>`), so a message sent again after a worker crash carries the same
 * id and receivers (and our tests) can recognise it. SMTP 5xx answers are permanent (a retry
 * cannot help), 4xx answers and connection problems are temporary.
 *
 * @example
 * const email = createEmailChannel({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'Status <s@example.net>' });
 * await email.send(message); // { ok: true } or { ok: false, retryable, detail }
 */
import nodemailer from 'nodemailer';
import type { Channel, OutboundMessage, SendResult } from '../channel.ts';

export interface EmailChannelOptions {
  smtpUrl: string;
  from: string;
  /** Open SMTP connections (pool size). */
  maxConnections?: number;
  /** Give up on one message after this long (ms); the worker retries it later. */
  timeoutMs?: number;
}

export function createEmailChannel(options: EmailChannelOptions): Channel {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    // Reuse a connection for many messages: a fan-out of thousands should not reconnect per 100.
    maxMessages: 1000,
    connectionTimeout: options.timeoutMs ?? 15_000,
    greetingTimeout: options.timeoutMs ?? 15_000,
    socketTimeout: options.timeoutMs ?? 30_000,
  });
  const domain = senderDomain(options.from);
  return {
    kind: 'email',
    async send(message: OutboundMessage, signal?: AbortSignal): Promise<SendResult> {
      if (signal?.aborted) return { ok: false, retryable: true, detail: 'aborted before sending' };
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.recipient,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId: `<${message.id}@${domain}>`,
          headers: { ...message.headers, 'X-Dialtone-Event': message.event },
        });
        return { ok: true, detail: String(info.response ?? '').slice(0, 200) };
      } catch (err) {
        return classifySmtpError(err);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** The part after `@` of the sender, for Message-IDs. */
export function senderDomain(from: string): string {
  const m = /@([^@\s>]+)>?\s*$/.exec(from);
  return m?.[1] ?? 'localhost';
}

/** 5xx = permanent (mailbox unknown, rejected); anything else may pass on a later try. */
export function classifySmtpError(err: unknown): SendResult {
  const e = err as { responseCode?: number; message?: string; code?: string };
  const detail = `${e.code ?? 'error'}: ${e.message ?? String(err)}`.slice(0, 500);
  if (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600) {
    return { ok: false, retryable: false, detail };
  }
  // Addresses nodemailer cannot even format will not get better.
  if (e.code === 'EENVELOPE' && e.responseCode === undefined) return { ok: false, retryable: false, detail };
  return { ok: false, retryable: true, detail };
}
