/**
 * @module Tables of migration outbox (see migrations/014-outbox.ts). Merged into `Database` in
 * ../schema.ts.
 */

export interface NotificationTable {
  id: string;
  /** `<event>:<entity id>:<update id or state>:<recipient kind>:<recipient id>`; unique. */
  idempotency_key: string;
  event: string;
  /** ChannelKind. */
  kind: string;
  recipient: string;
  subscriber_id: string | null;
  operator_channel_id: string | null;
  report_id: string | null;
  /** Incident or maintenance id the message is about. */
  subject_id: string | null;
  locale: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  /** JSON object (webhook body). */
  payload: string;
  /** JSON object of extra mail headers. */
  headers: string;
  /** `pending` | `sent` | `dead`. */
  state: string;
  attempts: number;
  /** Dead after this attempt; null = the configured maximum (a console retry raises it). */
  attempt_limit: number | null;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NotificationAttemptTable {
  notification_id: string;
  /** 1, 2, … */
  attempt: number;
  at: string;
  /** 0/1. */
  ok: number;
  detail: string;
  worker: string;
}

export interface OutboxTables {
  notifications: NotificationTable;
  notification_attempts: NotificationAttemptTable;
}
