/**
 * @module Monitors (active probes and heartbeats), their state and checks, job leases, per-component alerting policy.
 * A monitor row comes from the catalog (`monitors:`); its state row is written by the probe runner
 * and by heartbeat pings; checks are the history behind the console chart (kept 14 days).
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema;
  await s
    .createTable('monitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    /** `sip-options` | `sip-register` | `http` | `tcp` | `dns` | `tls` | `heartbeat`. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_de', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull().defaultTo(''))
    /** JSON; secrets only as the NAME of an environment variable (`env:NAME`), never the value. */
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('interval_ms', 'integer', (c) => c.notNull())
    .addColumn('timeout_ms', 'integer', (c) => c.notNull())
    .addColumn('down_after', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    /** SHA-256 of the heartbeat token (kind `heartbeat` only); the token is shown once. */
    .addColumn('heartbeat_token_hash', 'text', (c) => c.unique())
    /** Paused by an operator in the console (apart from the catalog's `enabled`, which apply overwrites). */
    .addColumn('paused_at', 'text')
    .addColumn('paused_by', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await s.createIndex('monitors_component_idx').on('monitors').column('component_id').execute();
  await s
    .createTable('monitor_state')
    .addColumn('monitor_id', 'text', (c) => c.primaryKey().references('monitors.id').onDelete('cascade'))
    /** `unknown` | `up` | `down` | `overloaded`. */
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('unknown'))
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    /** When the current state began. */
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'text')
    .addColumn('last_rtt_ms', 'integer')
    .addColumn('last_code', 'integer')
    .addColumn('last_detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await s
    .createTable('monitor_checks')
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    /** `up` | `down` | `overloaded`. */
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rtt_ms', 'integer', (c) => c.notNull())
    .addColumn('code', 'integer')
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await s
    .createIndex('monitor_checks_monitor_at_idx')
    .on('monitor_checks')
    .columns(['monitor_id', 'at'])
    .execute();
  await s.createIndex('monitor_checks_at_idx').on('monitor_checks').column('at').execute();
  await s
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  // What an alert on the component does: `confirm` waits for an operator, `auto` opens an incident.
  await s
    .alterTable('components')
    .addColumn('alert_policy', 'text', (c) => c.notNull().defaultTo('confirm'))
    .execute();
  // What recovery does: `propose` suggests resolving, `auto` resolves by itself.
  await s
    .alterTable('components')
    .addColumn('resolve_policy', 'text', (c) => c.notNull().defaultTo('propose'))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('components').dropColumn('resolve_policy').execute();
  await db.schema.alterTable('components').dropColumn('alert_policy').execute();
  await db.schema.dropTable('job_leases').ifExists().execute();
  await db.schema.dropTable('monitor_checks').ifExists().execute();
  await db.schema.dropTable('monitor_state').ifExists().execute();
  await db.schema.dropTable('monitors').ifExists().execute();
}
