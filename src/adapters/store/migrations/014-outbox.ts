/**
 * @module The notification outbox (one row per message) and its delivery attempts. Rows are
 * written in the transaction of the event that causes them; the delivery worker claims due rows
 * (`claimed_by`/`claimed_until`), sends, and marks them. `idempotency_key` is unique, so fanning
 * the same event out twice inserts nothing new.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** `<event>:<entity id>:<update id or state>:<recipient kind>:<recipient id>`. */
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('event', 'text', (c) => c.notNull())
    /** Channel kind: `email` | `sms` | `webhook` | `slack` | `teams` | `matrix` | `telegram`. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subscriber_id', 'text')
    .addColumn('operator_channel_id', 'text')
    .addColumn('report_id', 'text')
    /** The incident or maintenance the message is about, for the delivery log. */
    .addColumn('subject_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text')
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
    /** `pending` | `sent` | `dead`. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    /** Attempt number after which it becomes a dead letter; null = the configured maximum. A retry from the console raises it. */
    .addColumn('attempt_limit', 'integer')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  // The worker's claim query: pending rows by due time.
  await db.schema
    .createIndex('notifications_due_idx')
    .on('notifications')
    .columns(['state', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('notifications_created_idx').on('notifications').column('created_at').execute();
  await db.schema
    .createIndex('notifications_subject_idx')
    .on('notifications')
    .columns(['subject_id', 'event'])
    .execute();
  await db.schema
    .createTable('notification_attempts')
    .addColumn('notification_id', 'text', (c) =>
      c.notNull().references('notifications.id').onDelete('cascade'),
    )
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('worker', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('notification_attempts_pk', ['notification_id', 'attempt'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_attempts').ifExists().execute();
  await db.schema.dropTable('notifications').ifExists().execute();
}
