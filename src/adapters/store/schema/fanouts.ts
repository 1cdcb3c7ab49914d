/**
 * @module Tables of migration 015-fanouts (see migrations/). Merged into `Database` in ../schema.ts.
 */

export interface NotificationFanoutTable {
  id: string;
  event: string;
  /** `<entity id>:<update id or state>`; unique per event intent. */
  key_part: string;
  subject_id: string;
  /** JSON array of component ids. */
  component_ids: string;
  /** JSON notice (outbox payload). */
  notice: string;
  /** Last subscriber id expanded ('' = none yet). */
  cursor: string;
  /** `pending` | `done`. */
  state: string;
  /** Outbox rows written so far. */
  expanded: number;
  created_at: string;
  updated_at: string;
}

export interface FanoutTables {
  notification_fanouts: NotificationFanoutTable;
}
