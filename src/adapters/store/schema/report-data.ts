/**
 * @module Tables of migration report-data (see migrations/). Merged into `Database` in ../schema.ts.
 */

/** One self-check tree as the YAML an admin edits; deleted trees keep their row (`deleted_at`). */
export interface TriageTreeTable {
  id: string;
  service_id: string;
  source: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
  /** Grows by one on every change: the sum over the table is the trees' change mark. */
  version: number;
}

export interface ReportDataTables {
  triage_trees: TriageTreeTable;
}
