/**
 * @module Outage reports (the hotline's tickets) and the staff's internal comments on them.
 * Personal fields are plain columns so that the retention job can erase them in place
 * (`erased_at` set, fields emptied) while the report's facts stay for statistics.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** Readable ticket number, e.g. `ST-2026-000123`. */
    .addColumn('ticket', 'text', (c) => c.notNull().unique())
    /** SHA-256 of the private follow link's token. */
    .addColumn('follow_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
    /** Free-text specification when the service is "other". */
    .addColumn('service_other', 'text', (c) => c.notNull().defaultTo(''))
    /** `partner` | `customer`. */
    .addColumn('reporter_kind', 'text', (c) => c.notNull())
    .addColumn('partner_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('company', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    /** E.164. */
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON object of the service's identifiers: `{"cloudName":"maxmuster.example-cloud.com"}`. */
    .addColumn('identifiers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON array of the self-check steps taken: `[{"node":"…","answer":"…"}]`. */
    .addColumn('triage_path', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('queue', 'text', (c) => c.notNull())
    /** `new` | `triaged` | `linked` | `closed`. */
    .addColumn('state', 'text', (c) => c.notNull())
    /** When closed: `local_cause` | `other_carrier` | `resolved` | `duplicate` | `not_reportable`. */
    .addColumn('close_reason', 'text')
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    /** Reporter's language for mails and the follow page, `de` | `en`. */
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
    /** Client-supplied key of one form rendering: a double submit files one report. */
    .addColumn('submission_key', 'text', (c) => c.unique())
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    /** Set when the retention job (or an admin) erased the personal fields. */
    .addColumn('erased_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('reports_state_idx').on('reports').columns(['state', 'created_at']).execute();
  await db.schema
    .createIndex('reports_service_idx')
    .on('reports')
    .columns(['service_id', 'created_at'])
    .execute();
  await db.schema.createIndex('reports_incident_idx').on('reports').column('incident_id').execute();
  await db.schema
    .createTable('report_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_comments_report_idx')
    .on('report_comments')
    .columns(['report_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_comments').ifExists().execute();
  await db.schema.dropTable('reports').ifExists().execute();
}
