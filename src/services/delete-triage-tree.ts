/**
 * @module Deletes a self-check tree: the public self-check no longer offers it. The row stays
 * (marked deleted) so that the shipped trees are not seeded again and the id can be added back.
 */
import { DialtoneError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { seedTriageTreesIn } from './seed-triage-trees.ts';
import { writeAudit } from './write-audit.ts';

export async function deleteTriageTree({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  await ctx.db.transaction().execute(async (trx) => {
    await seedTriageTreesIn(trx, ctx);
    const now = ctx.clock().toISOString();
    const result = await trx
      .updateTable('triage_trees')
      .set((eb) => ({
        deleted_at: now,
        updated_at: now,
        updated_by: ctx.actor.label,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', input.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw new DialtoneError('not_found', 'reportData.tree.notFound', { params: { id: input.id } });
    await writeAudit(trx, ctx, { action: 'triage.delete', subjectType: 'triage_tree', subjectId: input.id });
  });
}
