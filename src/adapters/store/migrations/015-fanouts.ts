/**
 * @module Deferred fan-outs: the intent of a notification event to many subscribers, written in
 * the transaction of the change that causes it. A job (services/expand-fanouts.ts) turns it into
 * outbox rows page by page; `cursor` is the last subscriber id expanded, so a crash between pages
 * resumes after it (and the outbox's unique idempotency key absorbs a repeated page).
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification_fanouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** Event name, e.g. `incident.updated`. */
    .addColumn('event', 'text', (c) => c.notNull())
    /** `<entity id>:<update id or state>` part of every row's idempotency key. */
    .addColumn('key_part', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    /** JSON array of affected component ids (empty = page-wide subscribers only). */
    .addColumn('component_ids', 'text', (c) => c.notNull())
    /** JSON notice as it was when the event happened (the outbox rows' payload). */
    .addColumn('notice', 'text', (c) => c.notNull())
    /** Last subscriber id expanded; '' before the first page. */
    .addColumn('cursor', 'text', (c) => c.notNull().defaultTo(''))
    /** `pending` | `done`. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('expanded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notification_fanouts_key_uq', ['event', 'key_part'])
    .execute();
  await db.schema
    .createIndex('notification_fanouts_pending_idx')
    .on('notification_fanouts')
    .columns(['state', 'created_at'])
    .execute();
  // The worker's claim orders by (next_attempt_at, id): with 100,000 rows due at the same instant,
  // an index without the id made every claim sort all of them.
  await db.schema
    .createIndex('notifications_claim_idx')
    .on('notifications')
    .columns(['state', 'next_attempt_at', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notifications_claim_idx').ifExists().execute();
  await db.schema.dropTable('notification_fanouts').ifExists().execute();
}
