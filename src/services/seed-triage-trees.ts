/**
 * @module Puts the shipped self-check trees (`catalog/triage/`) into the database when it holds
 * none yet (first start, or the first console edit before that). Deleted trees keep their row, so
 * an admin who deleted trees never sees them come back. Two processes seeding at once on one
 * PostgreSQL are safe: a row that exists already is left alone.
 */
import type { ServiceContext, Tx } from './context.ts';
import { readTriageSources } from './load-triage-trees.ts';

/** In an open transaction: seeds when the table is empty. Returns how many trees were added. */
export async function seedTriageTreesIn(trx: Tx, ctx: ServiceContext): Promise<number> {
  const any = await trx.selectFrom('triage_trees').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const now = ctx.clock().toISOString();
  let added = 0;
  for (const s of readTriageSources()) {
    const result = await trx
      .insertInto('triage_trees')
      .values({
        id: s.id,
        service_id: s.tree.service,
        source: s.source,
        updated_at: now,
        updated_by: 'system',
        deleted_at: null,
        version: 1,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

export async function seedTriageTrees({ ctx }: { ctx: ServiceContext }): Promise<number> {
  return ctx.db.transaction().execute((trx) => seedTriageTreesIn(trx, ctx));
}
