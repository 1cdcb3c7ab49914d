/**
 * @module Alerts raised by detectors (probes, telemetry, heartbeats, Alertmanager, reports) and detector rules.
 * An alert is `firing` until its detector clears it, then `resolved` (kept as history). Its
 * `rule_key` names what raised it (`telemetry:<rule>:<peer>`, `monitor:<id>`, …); a partial
 * unique index allows one firing alert per key, so two processes evaluating at the same moment
 * cannot raise it twice. `decision` is what became of it: `pending` (waiting for an operator),
 * `declared` (an operator opened an incident), `dismissed`, or `auto` (the policy opened one).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    /** `monitor` | `telemetry` | `heartbeat` | `alertmanager` | `reports` | `watchdog`. */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('rule_key', 'text', (c) => c.notNull())
    /** `firing` | `resolved`. */
    .addColumn('state', 'text', (c) => c.notNull())
    /** `warning` | `critical`. */
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title_de', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    /** JSON: the numbers, the window judged and the series behind the console chart. */
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('{}'))
    /** The peer or monitor the alert is about, when there is one (no reference: history outlives the catalog). */
    .addColumn('peer_id', 'text')
    .addColumn('monitor_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('last_evaluated_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
    /** `pending` | `declared` | `dismissed` | `auto`. */
    .addColumn('decision', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .execute();
  // One firing alert per key; resolved ones are history and may repeat.
  await sql`create unique index alerts_firing_rule_key on alerts (rule_key) where state = 'firing'`.execute(
    db,
  );
  await db.schema.createIndex('alerts_state_idx').on('alerts').columns(['state', 'started_at']).execute();
  await db.schema.createIndex('alerts_incident_idx').on('alerts').column('incident_id').execute();
  await db.schema.createIndex('alerts_component_idx').on('alerts').column('component_id').execute();

  await db.schema
    .createTable('detector_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    /** Only this peer of the component; null: every peer of it. */
    .addColumn('peer_id', 'text')
    /** `isa` | `code-rate` | `register-failure` | `baseline` | `silence` (domain/detectors/rules.ts). */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** JSON: the kind's parameters with defaults filled in. */
    .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('detector_rules').ifExists().execute();
  await db.schema.dropTable('alerts').ifExists().execute();
}
