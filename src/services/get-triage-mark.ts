/**
 * @module getTriageMark: the self-check trees' change mark (row count and the sum of their
 * versions, which grows with every save, delete or reset). getTriageTrees caches per mark, so a
 * change made by any process on a shared database is seen everywhere at the next request.
 */
import type { Tx } from './context.ts';

/** The trees' change mark: `<rows>:<sum of versions>`; `0:0` before the seed. */
export async function getTriageMark(db: Tx): Promise<string> {
  const row = await db
    .selectFrom('triage_trees')
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.coalesce(eb.fn.sum('version'), eb.lit(0)).as('v')])
    .executeTakeFirst();
  return `${Number(row?.n ?? 0)}:${Number(row?.v ?? 0)}`;
}
