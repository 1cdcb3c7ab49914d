/**
 * @module The self-check trees for the console: each stored tree (or, before the seed, each
 * shipped one) with its service, when and by whom it was last changed, its version and whether
 * dialtone ships a default for it.
 */
import type { Tx } from './context.ts';
import { readTriageSources } from './load-triage-trees.ts';

export interface TriageTreeEntry {
  id: string;
  serviceId: string;
  source: string;
  updatedAt: string | null;
  updatedBy: string | null;
  version: number;
  deleted: boolean;
  shipped: boolean;
}

/** Live trees first in id order, then deleted ones (which can be added back or reset). */
export async function listTriageTrees(db: Tx): Promise<TriageTreeEntry[]> {
  const shipped = readTriageSources();
  const shippedIds = new Set(shipped.map((s) => s.id));
  const rows = await db.selectFrom('triage_trees').selectAll().execute();
  const entries: TriageTreeEntry[] =
    rows.length > 0
      ? rows.map((r) => ({
          id: r.id,
          serviceId: r.service_id,
          source: r.source,
          updatedAt: r.updated_at,
          updatedBy: r.updated_by,
          version: r.version,
          deleted: r.deleted_at !== null,
          shipped: shippedIds.has(r.id),
        }))
      : shipped.map((s) => ({
          id: s.id,
          serviceId: s.tree.service,
          source: s.source,
          updatedAt: null,
          updatedBy: null,
          // What the seed writes: an edit started now saves against the seeded row.
          version: 1,
          deleted: false,
          shipped: true,
        }));
  return entries.sort(
    (a, b) => Number(a.deleted) - Number(b.deleted) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
