/**
 * @module getTriageTrees: the self-check trees the public pages show: the database's (edited in
 * the console) or, before the shipped trees were seeded, the shipped files. Parsed once per
 * change and cached per database handle; each call asks the database only for the trees' change
 * mark (getTriageMark). So a change made by any process on a shared PostgreSQL is seen by every
 * other process at its next request.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';
import type { TriageTree } from '#src/domain/triage.ts';
import { getTriageMark } from './get-triage-mark.ts';
import { loadTriageTrees, parseTriageFile, type TriageTrees, triageTreesOf } from './load-triage-trees.ts';

interface Cached {
  mark: string;
  trees: TriageTrees;
}

const cache = new WeakMap<Kysely<Database>, Cached>();
let shipped: TriageTrees | null = null;

export async function getTriageTrees(db: Kysely<Database>): Promise<TriageTrees> {
  const mark = await getTriageMark(db);
  if (mark === '0:0') {
    shipped ??= loadTriageTrees();
    return shipped;
  }
  const hit = cache.get(db);
  if (hit && hit.mark === mark) return hit.trees;
  const rows = await db
    .selectFrom('triage_trees')
    .select(['id', 'source'])
    .where('deleted_at', 'is', null)
    .execute();
  const trees: TriageTree[] = [];
  for (const row of rows) {
    // Saved trees were checked on the way in; one that a newer check refuses is left out, not fatal.
    const { tree } = parseTriageFile(row.id, row.source);
    if (tree && tree.id === row.id) trees.push(tree);
  }
  // Code-point order, the same on both databases (the shipped files' name order).
  trees.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const result = triageTreesOf(trees);
  cache.set(db, { mark, trees: result });
  return result;
}
