/**
 * @module Restoration progress and what an incident tells affected customers and callers:
 * - `incident_communications`: per incident, the operator's own hotline announcement text (de/en)
 *   and whether affected customers are written to (and whether updates follow);
 * - `resource_restorations`: which affected resources (numbers, trunks, lines) an operator marked
 *   restored for an incident;
 * - `contact_opt_outs`: addresses (email, E.164) that asked not to be written to about outages
 *   they have not subscribed to.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incident_communications')
    .addColumn('incident_id', 'text', (c) => c.primaryKey().references('incidents.id').onDelete('cascade'))
    .addColumn('announcement_de', 'text')
    .addColumn('announcement_en', 'text')
    /** 1: public updates and the resolution also go to the affected customers written to. */
    .addColumn('notify_affected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('affected_notified_at', 'text')
    .addColumn('affected_notified_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('resource_restorations')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('restored_at', 'text', (c) => c.notNull())
    .addColumn('restored_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_restorations_pk', ['incident_id', 'resource_id'])
    .execute();
  await db.schema
    .createTable('contact_opt_outs')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_opt_outs').ifExists().execute();
  await db.schema.dropTable('resource_restorations').ifExists().execute();
  await db.schema.dropTable('incident_communications').ifExists().execute();
}
