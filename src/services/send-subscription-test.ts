/**
 * @module sendSubscriptionTest: a test event to a confirmed subscriber, asked for on the page
 * behind their manage link (the routes verify the link's token first, see unsubscribe-link.ts).
 */
import type { ServiceContext } from './context.ts';
import { queueSubscriptionMessage, type SubscriptionLinks } from './subscription-notice.ts';

/** Queues a test event to a confirmed subscriber (webhook owners check their receiver with it). */
export async function sendSubscriptionTest({
  ctx,
  input,
  options,
}: {
  ctx: ServiceContext;
  input: { subscriberId: string };
  options: SubscriptionLinks;
}): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('subscribers')
      .select(['id', 'kind', 'address', 'locale', 'scope'])
      .where('id', '=', input.subscriberId)
      .where('state', '=', 'confirmed')
      .executeTakeFirst();
    if (!row) return false;
    await queueSubscriptionMessage(trx, ctx, row, options, { event: 'subscriber.test' });
    return true;
  });
}
