/**
 * @module Tables of migration restoration (see migrations/). Merged into `Database` in ../schema.ts.
 */

// biome-ignore lint/suspicious/noEmptyInterface: filled by the workstream that owns these tables.
export interface RestorationTables {}
