/**
 * @module Signed webhooks (subscribers' and operators' endpoints) per the Standard Webhooks
 * specification. The body is `{ type, timestamp, data }`; `webhook-id` is the notification id, so
 * a receiver that sees the same id twice (a retry after a lost answer) can drop the second.
 * Without a secret the request is refused here rather than sent unsigned.
 */
import { type GuardOptions, guardedFetch } from '#src/adapters/net/guarded-fetch.ts';
import { sendResultOf } from '#src/adapters/net/http-result.ts';
import type { Clock } from '#src/domain/runtime.ts';
import type { Channel, OutboundMessage, SendResult } from '../channel.ts';
import { isWebhookSecret, signWebhook } from './sign.ts';

export interface WebhookChannelOptions {
  guard: GuardOptions;
  clock?: Clock;
  timeoutMs?: number;
}

/** The outbox already hands over a `{ type, timestamp, data }` envelope; anything else is wrapped in one. */
export function webhookBody(message: OutboundMessage, at: Date): string {
  const p = message.payload;
  if (typeof p.type === 'string' && typeof p.timestamp === 'string' && 'data' in p) return JSON.stringify(p);
  return JSON.stringify({ type: message.event, timestamp: at.toISOString(), data: p });
}

export function createWebhookChannel(options: WebhookChannelOptions): Channel {
  const clock = options.clock ?? (() => new Date());
  return {
    kind: 'webhook',
    async send(message, signal): Promise<SendResult> {
      const secret = message.settings?.secret;
      if (!isWebhookSecret(secret))
        return { ok: false, retryable: false, detail: 'no whsec_ signing secret' };
      const now = clock();
      const body = webhookBody(message, now);
      const timestamp = Math.floor(now.getTime() / 1000);
      const result = await guardedFetch(
        message.recipient,
        {
          method: 'POST',
          body,
          signal,
          timeoutMs: options.timeoutMs,
          // A webhook that moved must be re-entered by its owner; following would re-target a signed event.
          maxRedirects: 0,
          headers: {
            'content-type': 'application/json',
            'webhook-id': message.id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signWebhook(secret, message.id, timestamp, body),
          },
        },
        options.guard,
      );
      return sendResultOf(result);
    },
  };
}
