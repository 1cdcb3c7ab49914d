/**
 * @module Data protection of reports (retention, erase) and self-check trees edited in the console.
 *
 * `triage_trees` holds one self-check tree per row as the YAML an admin edits. A deleted tree stays
 * as a row with `deleted_at` set: the table is empty only before the shipped trees were seeded, so
 * deleting every tree does not bring the defaults back at the next start. `version` grows by one
 * on every change, so the sum over the table is a cheap mark of "anything changed" for caches in
 * every process.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('triage_trees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** The tree's service (from the YAML), for listing; not a foreign key: trees outlive services. */
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    /** Who changed it last: the actor's label (`system` for the seed). */
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // Looking up one reporter by email address, case-insensitively (same SQL on both databases).
  await sql`create index reports_email_idx on reports (lower(email))`.execute(db);
  // The retention job: closed reports not yet erased, oldest first.
  await db.schema
    .createIndex('reports_retention_idx')
    .on('reports')
    .columns(['erased_at', 'closed_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reports_retention_idx').ifExists().execute();
  await db.schema.dropIndex('reports_email_idx').ifExists().execute();
  await db.schema.dropTable('triage_trees').ifExists().execute();
}
