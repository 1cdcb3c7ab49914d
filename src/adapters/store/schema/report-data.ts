/**
 * @module Tables of migration report-data (see migrations/). Merged into `Database` in ../schema.ts.
 */

// biome-ignore lint/suspicious/noEmptyInterface: filled by the workstream that owns these tables.
export interface ReportDataTables {}
