/**
 * @module Telemetry from HEP v3: peers and their 10-second windows and hourly roll-ups of SIP counts.
 * A peer (trunk, SBC, carrier) comes from the catalog (`peers:`) and is matched by address or CIDR
 * (and port); the collector upserts one row per peer and window. Raw windows are kept 14 days,
 * hourly roll-ups 400 days (the retention job in main.ts).
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('telemetry_peers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addColumn('name_de', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    /** IPv4/IPv6 address or CIDR (`192.0.2.0/24`, `2001:db8::/32`). */
    .addColumn('match', 'text', (c) => c.notNull())
    /** Only this port of the address, or any port when null. */
    .addColumn('port', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  for (const table of ['telemetry_windows', 'telemetry_hourly']) {
    await countsTable(db, table);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
async function countsTable(db: Kysely<any>, table: string): Promise<void> {
  await db.schema
    .createTable(table)
    .addColumn('peer_id', 'text', (c) => c.notNull().references('telemetry_peers.id').onDelete('cascade'))
    /** Start of the window (10 s) or hour, ISO 8601 UTC. */
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('invites', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON object: final response code → count, responses the peer sent. */
    .addColumn('codes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('ner_effective', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('isa_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ser_base', 'integer', (c) => c.notNull().defaultTo(0))
    // Sums of milliseconds over an hour of a busy trunk pass 2^31: 64-bit.
    .addColumn('pdd_sum_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pdd_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('register_ok', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('register_failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('register_ms_sum', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('register_ms_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint(`${table}_pk`, ['peer_id', 'started_at'])
    .execute();
  // Retention deletes by time across peers.
  await db.schema.createIndex(`${table}_started_idx`).on(table).column('started_at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('telemetry_hourly').ifExists().execute();
  await db.schema.dropTable('telemetry_windows').ifExists().execute();
  await db.schema.dropTable('telemetry_peers').ifExists().execute();
}
