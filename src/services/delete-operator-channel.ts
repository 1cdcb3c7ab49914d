/**
 * @module deleteOperatorChannel: remove an operator channel (console, admins), audited in the
 * same transaction.
 */
import { DialtoneError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { writeAudit } from './write-audit.ts';

export async function deleteOperatorChannel({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('operator_channels')
      .where('id', '=', input.id)
      .returning(['kind', 'name'])
      .executeTakeFirst();
    if (!gone) throw new DialtoneError('not_found', 'subscribers.channels.notFound');
    await writeAudit(trx, ctx, {
      action: 'operator_channel.deleted',
      subjectType: 'operator_channel',
      subjectId: input.id,
      detail: gone,
    });
  });
}
