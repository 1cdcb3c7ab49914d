/**
 * @module confirmBySmsCode: confirms a pending SMS subscription by the code typed on the page.
 * One conditional UPDATE (`WHERE state = 'pending' AND confirm_hash = … AND not expired`); the
 * code dies after 5 wrong tries. Wrong, used and expired codes all get the same answer (null):
 * nothing is learnt about other subscriptions. Email and webhook confirmations: confirmByLink.
 */
import { smsCodeMaxFailures } from '#src/domain/subscription.ts';
import type { ConfirmedSubscription } from './confirm-by-link.ts';
import type { ServiceContext } from './context.ts';
import { safeEqual } from './secrets.ts';
import { codeHash, subscriptionKey } from './unsubscribe-link.ts';

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
