/**
 * @module Brings the stored self-check trees to a directory's set (`dialtone triage apply DIR`, for
 * people who keep their trees in git): trees in the set are added or replaced when their text
 * differs, live trees not in the set are deleted. One transaction, one audit row `triage.apply`
 * listing the changes; every tree is checked first (as in the console), and nothing is written
 * when any is refused.
 *
 * @example
 * const { changes } = await applyTriageTrees({ ctx, input: { sources: readTriageSources(dir), dryRun: true } });
 * // ['+ test-tree', '~ no-calls', '- push-iphone']
 */
import { type FieldError, validationError } from '#src/domain/errors.ts';
import { checkTriageSource } from './check-triage-source.ts';
import type { ServiceContext } from './context.ts';
import { readTriageSources, type TriageSource } from './load-triage-trees.ts';
import { seedTriageTreesIn } from './seed-triage-trees.ts';
import { writeAudit } from './write-audit.ts';

export interface TriageFileProblem extends FieldError {
  file: string;
}

export async function applyTriageTrees({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { sources: readonly TriageSource[]; dryRun?: boolean };
}): Promise<{ changes: string[] }> {
  const problems: TriageFileProblem[] = [];
  for (const s of input.sources) {
    const { errors } = await checkTriageSource(ctx.db, s.source, s.id);
    problems.push(...errors.map((e) => ({ file: s.file, ...e })));
  }
  if (problems.length > 0) throw validationError(problems);
  return ctx.db.transaction().execute(async (trx) => {
    if (!input.dryRun) await seedTriageTreesIn(trx, ctx);
    const stored = await trx.selectFrom('triage_trees').select(['id', 'source', 'deleted_at']).execute();
    // A dry run before the seed compares with the shipped trees, which the real run seeds first.
    const rows =
      stored.length > 0
        ? stored
        : readTriageSources().map((s) => ({ id: s.id, source: s.source, deleted_at: null }));
    const live = new Map(rows.filter((r) => r.deleted_at === null).map((r) => [r.id, r.source]));
    const known = new Set(rows.map((r) => r.id));
    const now = ctx.clock().toISOString();
    const by = { updated_at: now, updated_by: ctx.actor.label };
    const changes: string[] = [];
    for (const s of input.sources) {
      if (live.get(s.id) === s.source) continue;
      changes.push(`${live.has(s.id) ? '~' : '+'} ${s.id}`);
      if (input.dryRun) continue;
      const values = { service_id: s.tree.service, source: s.source, deleted_at: null, ...by };
      if (known.has(s.id))
        await trx
          .updateTable('triage_trees')
          .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
          .where('id', '=', s.id)
          .execute();
      else
        await trx
          .insertInto('triage_trees')
          .values({ id: s.id, ...values, version: 1 })
          .execute();
    }
    const wanted = new Set(input.sources.map((s) => s.id));
    for (const id of [...live.keys()].filter((id) => !wanted.has(id)).sort()) {
      changes.push(`- ${id}`);
      if (input.dryRun) continue;
      await trx
        .updateTable('triage_trees')
        .set((eb) => ({ deleted_at: now, ...by, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .execute();
    }
    if (!input.dryRun && changes.length > 0)
      await writeAudit(trx, ctx, {
        action: 'triage.apply',
        subjectType: 'triage_tree',
        subjectId: null,
        detail: { changes },
      });
    return { changes };
  });
}
