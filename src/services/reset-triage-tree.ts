/**
 * @module Puts one self-check tree back to the text shipped with dialtone (`catalog/triage/`),
 * whether it was edited or deleted. Only trees that dialtone ships can be reset.
 */
import { DialtoneError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { readTriageSources } from './load-triage-trees.ts';
import { seedTriageTreesIn } from './seed-triage-trees.ts';
import { writeAudit } from './write-audit.ts';

/** Ids of the trees dialtone ships, for the console's "reset" buttons. */
export function shippedTriageIds(): Set<string> {
  return new Set(readTriageSources().map((s) => s.id));
}

export async function resetTriageTree({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const shipped = readTriageSources().find((s) => s.id === input.id);
  if (!shipped)
    throw new DialtoneError('not_found', 'reportData.tree.notFound', { params: { id: input.id } });
  await ctx.db.transaction().execute(async (trx) => {
    await seedTriageTreesIn(trx, ctx);
    const now = ctx.clock().toISOString();
    const values = {
      service_id: shipped.tree.service,
      source: shipped.source,
      updated_at: now,
      updated_by: ctx.actor.label,
      deleted_at: null,
    };
    await trx
      .insertInto('triage_trees')
      .values({ id: shipped.id, ...values, version: 1 })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({ ...values, version: eb('triage_trees.version', '+', 1) })),
      )
      .execute();
    await writeAudit(trx, ctx, { action: 'triage.reset', subjectType: 'triage_tree', subjectId: shipped.id });
  });
}
