/**
 * @module Saves one self-check tree from its YAML: checks it (every problem with its path, in the
 * tree's own terms), then adds it or replaces the stored text, with an audit row, in one
 * transaction. Editing is conditional on the version the admin started from, so two admins saving
 * the same tree cannot overwrite each other unnoticed. Nothing is written when anything is wrong.
 *
 * @example
 * await saveTriageTree({ ctx, input: { id: 'dsl-no-lights', source, version: 3 } });
 */
import { conflict, validationError } from '#src/domain/errors.ts';
import type { TriageTree } from '#src/domain/triage.ts';
import { checkTriageSource } from './check-triage-source.ts';
import type { ServiceContext, Tx } from './context.ts';
import { seedTriageTreesIn } from './seed-triage-trees.ts';
import { writeAudit } from './write-audit.ts';

export interface SaveTriageTreeInput {
  /** The tree being edited; absent when adding a new one. */
  id?: string | undefined;
  source: string;
  /** The version the editor showed (edits only): a newer stored version refuses the save. */
  version?: number | undefined;
  /** Only check; write nothing. */
  dryRun?: boolean | undefined;
}

export async function saveTriageTree({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SaveTriageTreeInput;
}): Promise<{ tree: TriageTree; created: boolean }> {
  const { tree, errors } = await checkTriageSource(ctx.db, input.source, input.id);
  if (!tree) throw validationError(errors);
  if (input.dryRun) return { tree, created: input.id === undefined };
  return ctx.db.transaction().execute(async (trx) => {
    await seedTriageTreesIn(trx, ctx);
    const created = input.id === undefined;
    if (created) await insertTree(trx, ctx, tree, input.source);
    else await updateTree(trx, ctx, tree, input.source, input.version);
    await writeAudit(trx, ctx, {
      action: created ? 'triage.create' : 'triage.update',
      subjectType: 'triage_tree',
      subjectId: tree.id,
      detail: { service: tree.service, nodes: tree.nodes.length },
    });
    return { tree, created };
  });
}

/** A new id, or one whose tree was deleted earlier (the row comes back to life). */
async function insertTree(trx: Tx, ctx: ServiceContext, tree: TriageTree, source: string) {
  const now = ctx.clock().toISOString();
  const values = { service_id: tree.service, source, updated_at: now, updated_by: ctx.actor.label };
  const inserted = await trx
    .insertInto('triage_trees')
    .values({ id: tree.id, ...values, deleted_at: null, version: 1 })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return;
  const revived = await trx
    .updateTable('triage_trees')
    .set((eb) => ({ ...values, deleted_at: null, version: eb('version', '+', 1) }))
    .where('id', '=', tree.id)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  if (Number(revived.numUpdatedRows) === 0)
    throw validationError([{ path: 'id', key: 'triage.error.duplicateTree', params: { id: tree.id } }]);
}

async function updateTree(
  trx: Tx,
  ctx: ServiceContext,
  tree: TriageTree,
  source: string,
  version: number | undefined,
) {
  let query = trx
    .updateTable('triage_trees')
    .set((eb) => ({
      service_id: tree.service,
      source,
      updated_at: ctx.clock().toISOString(),
      updated_by: ctx.actor.label,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', tree.id)
    .where('deleted_at', 'is', null);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    throw conflict('reportData.tree.error.changedMeanwhile', { id: tree.id });
}
