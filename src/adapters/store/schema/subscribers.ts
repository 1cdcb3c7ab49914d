/**
 * @module Tables of migration subscribers (see migrations/). Merged into `Database` in ../schema.ts.
 */

// biome-ignore lint/suspicious/noEmptyInterface: filled by the workstream that owns these tables.
export interface SubscriberTables {}
