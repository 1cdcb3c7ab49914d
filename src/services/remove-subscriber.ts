/**
 * @module removeSubscriber: an operator removes a subscriber, with the audit row in the same
 * transaction (the address itself stays out of the audit log).
 */
import { DialtoneError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { writeAudit } from './write-audit.ts';

export async function removeSubscriber({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('subscribers')
      .where('id', '=', input.id)
      .returning(['kind', 'state'])
      .executeTakeFirst();
    if (!gone) throw new DialtoneError('not_found', 'subscribers.console.notFound');
    await writeAudit(trx, ctx, {
      action: 'subscriber.removed',
      subjectType: 'subscriber',
      subjectId: input.id,
      detail: gone,
    });
  });
}
