/**
 * @module Forgets subscription requests nobody confirmed, a day after their link or code expired:
 * an address someone typed in but never confirmed is not kept (data minimisation). An address that
 * had unsubscribed before and asked again without confirming goes back to `unsubscribed`, so the
 * opt-out it stands for is kept. Run hourly by the scheduler.
 */
import type { ServiceContext } from './context.ts';

/** Grace after expiry (ms): a link opened just too late still finds its row for a clear answer. */
const graceMs = 24 * 3_600_000;

export async function purgeUnconfirmedSubscribers({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<{ deleted: number; reverted: number }> {
  const before = new Date(ctx.clock().getTime() - graceMs).toISOString();
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const reverted = await trx
      .updateTable('subscribers')
      .set({ state: 'unsubscribed', confirm_hash: null, confirm_expires_at: null, updated_at: now })
      .where('state', '=', 'pending')
      .where('confirm_expires_at', '<', before)
      .where((eb) => eb.or([eb('unsubscribed_at', 'is not', null), eb('confirmed_at', 'is not', null)]))
      .executeTakeFirst();
    const deleted = await trx
      .deleteFrom('subscribers')
      .where('state', '=', 'pending')
      .where('confirm_expires_at', '<', before)
      .where('unsubscribed_at', 'is', null)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    return { deleted: Number(deleted.numDeletedRows), reverted: Number(reverted.numUpdatedRows) };
  });
}
