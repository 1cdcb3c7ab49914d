/**
 * @module releaseLease: a job gives its named lease back at shutdown (see acquire-lease.ts
 * for how leases work).
 */

import type { LeaseInput } from './acquire-lease.ts';
import type { ServiceContext } from './context.ts';

/** Gives a lease back at shutdown so another process takes over at once, not after the TTL. */
export async function releaseLease({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: Pick<LeaseInput, 'name' | 'holder'>;
}): Promise<void> {
  await ctx.db
    .deleteFrom('job_leases')
    .where('name', '=', input.name)
    .where('holder', '=', input.holder)
    .execute();
}
