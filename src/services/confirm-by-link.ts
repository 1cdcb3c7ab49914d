/**
 * @module confirmByLink: confirms a pending email or webhook subscription by the link from its
 * confirmation message. One conditional UPDATE (`WHERE state = 'pending' AND confirm_hash = … AND
 * not expired`), so a link works once. Wrong, used and expired links all get the same answer
 * (null): nothing is learnt about other subscriptions. SMS codes: confirmBySmsCode.
 */
import type { ServiceContext } from './context.ts';
import { confirmTokenHash } from './request-subscription.ts';

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
