/**
 * @module Standard Webhooks signatures (standardwebhooks.com): the signed content is
 * `<webhook-id>.<webhook-timestamp>.<body>`, the key is the base64 part of a `whsec_` secret, the
 * signature header is `v1,<base64 HMAC-SHA256>`. Receivers verify with any Standard Webhooks
 * library and reject stale timestamps, so a captured request cannot be replayed later.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: `whsec_` + 24 random bytes in base64 (what the libraries expect). */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

export const isWebhookSecret = (s: unknown): s is string =>
  typeof s === 'string' && /^whsec_[A-Za-z0-9+/]{16,}={0,2}$/.test(s);

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
  return `v1,${mac}`;
}
