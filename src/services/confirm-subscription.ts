/**
 * @module Confirms a pending subscription: by the link from the email or webhook confirmation
 * (`confirmByLink`), or by the SMS code typed on the page (`confirmBySmsCode`). Each is one
 * conditional UPDATE (`WHERE state = 'pending' AND confirm_hash = … AND not expired`), so a link
 * works once. An SMS code dies after 5 wrong tries. Wrong, used and expired links all get the same
 * answer (null): nothing is learnt about other subscriptions.
 */
import { smsCodeMaxFailures } from '#src/domain/subscription.ts';
import type { ServiceContext } from './context.ts';
import { confirmTokenHash } from './request-subscription.ts';
import { safeEqual } from './secrets.ts';
import { codeHash, subscriptionKey } from './unsubscribe-link.ts';

export interface ConfirmedSubscription {
  subscriberId: string;
  kind: 'email' | 'sms' | 'webhook';
  /** Webhooks: the signing secret, shown to the subscriber this once. */
  secret: string | null;
}

export async function confirmByLink({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string };
}): Promise<ConfirmedSubscription | null> {
  if (!/^[\w-]{1,80}\.[\w-]{20,80}$/.test(input.token)) return null;
  const now = ctx.clock().toISOString();
  const row = await ctx.db
    .updateTable('subscribers')
    .set({
      state: 'confirmed',
      confirmed_at: now,
      updated_at: now,
      confirm_hash: null,
      confirm_expires_at: null,
    })
    .where('confirm_hash', '=', confirmTokenHash(input.token))
    .where('state', '=', 'pending')
    .where('kind', 'in', ['email', 'webhook'])
    .where('confirm_expires_at', '>', now)
    .returning(['id', 'kind', 'secret'])
    .executeTakeFirst();
  return row
    ? { subscriberId: row.id, kind: row.kind, secret: row.kind === 'webhook' ? row.secret : null }
    : null;
}

export async function confirmBySmsCode({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { phone: string; code: string };
}): Promise<ConfirmedSubscription | null> {
  const code = input.code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(code)) return null;
  const now = ctx.clock().toISOString();
  const row = await ctx.db
    .selectFrom('subscribers')
    .select(['id', 'confirm_hash', 'confirm_failures'])
    .where('kind', '=', 'sms')
    .where('address', '=', input.phone)
    .where('state', '=', 'pending')
    .where('confirm_expires_at', '>', now)
    .executeTakeFirst();
  if (!row?.confirm_hash || row.confirm_failures >= smsCodeMaxFailures) return null;
  const key = await subscriptionKey(ctx.db);
  if (!safeEqual(codeHash(key, row.id, code), row.confirm_hash)) {
    await ctx.db
      .updateTable('subscribers')
      .set((eb) => ({ confirm_failures: eb('confirm_failures', '+', 1) }))
      .where('id', '=', row.id)
      .where('confirm_hash', '=', row.confirm_hash)
      .execute();
    return null;
  }
  const done = await ctx.db
    .updateTable('subscribers')
    .set({
      state: 'confirmed',
      confirmed_at: now,
      updated_at: now,
      confirm_hash: null,
      confirm_expires_at: null,
    })
    .where('id', '=', row.id)
    .where('confirm_hash', '=', row.confirm_hash)
    .where('state', '=', 'pending')
    .where('confirm_failures', '<', smsCodeMaxFailures)
    .returning(['id'])
    .executeTakeFirst();
  return done ? { subscriberId: row.id, kind: 'sms', secret: null } : null;
}
