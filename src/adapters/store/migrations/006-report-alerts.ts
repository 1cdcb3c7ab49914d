/**
 * @module "Possible outage" alerts raised by the report-cluster detector, and which reports each
 * one covers. A report belongs to at most one alert (unique `report_id`), so the same cluster
 * cannot be raised twice, even by two processes detecting at the same moment.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull().references('services.id').onDelete('cascade'))
    /** `open` | `acknowledged` | `dismissed` | `declared`. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('report_count', 'integer', (c) => c.notNull())
    .addColumn('first_report_at', 'text', (c) => c.notNull())
    .addColumn('last_report_at', 'text', (c) => c.notNull())
    /** The incident declared from this alert, when it was. */
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    .addColumn('handled_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_alerts_state_idx')
    .on('report_alerts')
    .columns(['state', 'service_id'])
    .execute();
  await db.schema
    .createTable('report_alert_reports')
    .addColumn('alert_id', 'text', (c) => c.notNull().references('report_alerts.id').onDelete('cascade'))
    .addColumn('report_id', 'text', (c) => c.notNull().unique().references('reports.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createIndex('report_alert_reports_alert_idx')
    .on('report_alert_reports')
    .column('alert_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_alert_reports').ifExists().execute();
  await db.schema.dropTable('report_alerts').ifExists().execute();
}
