/**
 * @module An affected customer's contact asks not to be written to about outages again (the link
 * in such a message). Recorded by address; messages to subscribers are not affected (they have
 * their own unsubscribe link). Idempotent: asking twice is asking once.
 */
import type { ServiceContext } from './context.ts';

export async function optOutContact({ ctx, input }: { ctx: ServiceContext; input: { address: string } }) {
  await ctx.db
    .insertInto('contact_opt_outs')
    .values({ address: input.address, created_at: ctx.clock().toISOString() })
    .onConflict((oc) => oc.column('address').doNothing())
    .execute();
}
