/**
 * @module The link in every message to an affected customer (who never subscribed) to stop
 * such messages: `<public URL>/opt-out/<address, base64url>.<mac>`. The MAC is keyed with the
 * database-held key of the subscription links (`subscriptionKey`), so links cannot be made for
 * someone else's address, and none needs to be stored.
 *
 * @example
 * await optOutLink(db, 'https://status.example.net', 'praxis@muster.example')
 * // → 'https://status.example.net/opt-out/cHJheGlzQG11c3Rlci5leGFtcGxl.Xy…'
 */
import { createHmac } from 'node:crypto';
import type { Tx } from './context.ts';
import { safeEqual } from './secrets.ts';
import { subscriptionKey } from './unsubscribe-link.ts';

const mac = (key: Buffer, address: string) =>
  createHmac('sha256', key).update(`opt-out:${address}`).digest('base64url').slice(0, 32);

export async function optOutLink(db: Tx, publicUrl: string, address: string): Promise<string> {
  const key = await subscriptionKey(db);
  const encoded = Buffer.from(address, 'utf8').toString('base64url');
  return `${publicUrl.replace(/\/+$/, '')}/opt-out/${encoded}.${mac(key, address)}`;
}

/** The address a token stands for, or null when the token is not one of ours. */
export async function readOptOutToken(db: Tx, token: string): Promise<string | null> {
  const [encoded, given] = token.split('.');
  if (!encoded || !given || token.length > 600) return null;
  const address = Buffer.from(encoded, 'base64url').toString('utf8');
  const key = await subscriptionKey(db);
  return safeEqual(given, mac(key, address)) ? address : null;
}
