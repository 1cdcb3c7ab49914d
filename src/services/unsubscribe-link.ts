/**
 * @module The per-subscriber link to manage or end a subscription (also the target of the
 * one-click `List-Unsubscribe` header). The token is an HMAC of the subscriber's id under a key
 * that lives only in the database (`subscription_keys`, created on first use), so it can be
 * written into every message again without storing one token per message, and cannot be guessed
 * from the address or the id. Link: `<public URL>/subscribe/manage/<id>.<mac>`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';
import type { Tx } from './context.ts';
import { safeEqual } from './secrets.ts';

const keyId = 'links';
// The key never changes once created; remembered per database handle to spare a query per message.
const cache = new WeakMap<object, Promise<Buffer>>();

/** The HMAC key of subscription links and SMS codes, created on first use (race-safe). */
export function subscriptionKey(db: Tx | Kysely<Database>): Promise<Buffer> {
  let key = cache.get(db);
  if (!key) {
    key = loadKey(db);
    cache.set(db, key);
    key.catch(() => cache.delete(db));
  }
  return key;
}

async function loadKey(db: Tx): Promise<Buffer> {
  await db
    .insertInto('subscription_keys')
    .values({
      id: keyId,
      secret: randomBytes(32).toString('base64url'),
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('subscription_keys')
    .select('secret')
    .where('id', '=', keyId)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.secret, 'base64url');
}

const mac = (key: Buffer, purpose: string, value: string): string =>
  createHmac('sha256', key).update(`${purpose}:${value}`).digest('base64url').slice(0, 32);

/** A keyed hash for a short secret (SMS confirmation code) bound to one subscriber. */
export const codeHash = (key: Buffer, subscriberId: string, code: string): string =>
  mac(key, 'sms-code', `${subscriberId}:${code}`);

export const manageToken = (key: Buffer, subscriberId: string): string =>
  `${subscriberId}.${mac(key, 'manage', subscriberId)}`;

export async function unsubscribeLink(db: Tx, publicUrl: string, subscriberId: string): Promise<string> {
  const key = await subscriptionKey(db);
  return `${publicUrl.replace(/\/+$/, '')}/subscribe/manage/${manageToken(key, subscriberId)}`;
}

/** The subscriber id a token was made for, or null when it is not one of ours. */
export async function verifyManageToken(db: Tx, token: string): Promise<string | null> {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || token.length > 200) return null;
  const id = token.slice(0, dot);
  const key = await subscriptionKey(db);
  return safeEqual(token, manageToken(key, id)) ? id : null;
}
