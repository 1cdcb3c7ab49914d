/**
 * @module unsubscribe: the subscriber ends their subscription from the manage page or the
 * one-click link in a message (the routes verify the link's token first, see unsubscribe-link.ts).
 */
import type { ServiceContext } from './context.ts';

/** Ends a subscription; true also when it had already ended (one-click unsubscribe may repeat). */
export async function unsubscribe({ ctx, input }: { ctx: ServiceContext; input: { subscriberId: string } }) {
  const now = ctx.clock().toISOString();
  await ctx.db
    .updateTable('subscribers')
    .set({
      state: 'unsubscribed',
      unsubscribed_at: now,
      updated_at: now,
      confirm_hash: null,
      confirm_expires_at: null,
    })
    .where('id', '=', input.subscriberId)
    .where('state', '!=', 'unsubscribed')
    .execute();
  const row = await ctx.db
    .selectFrom('subscribers')
    .select('id')
    .where('id', '=', input.subscriberId)
    .executeTakeFirst();
  return row !== undefined;
}
