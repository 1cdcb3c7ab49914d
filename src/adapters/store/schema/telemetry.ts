/**
 * @module Tables of migration telemetry (see migrations/010-telemetry.ts). Merged into `Database` in ../schema.ts.
 */

export interface TelemetryPeerTable {
  /** Catalog id. */
  id: string;
  component_id: string;
  name_de: string;
  name_en: string;
  /** IPv4/IPv6 address or CIDR. */
  match: string;
  /** Only this port, or any when null. */
  port: number | null;
  position: number;
}

/** Counts of one peer in one 10-second window (or hour); see domain/kpi.ts `WindowCounts`. */
export interface TelemetryCountsTable {
  peer_id: string;
  /** ISO 8601 UTC, aligned to 10 s (windows) or the hour (roll-ups). */
  started_at: string;
  invites: number;
  answered: number;
  /** JSON object: final code → count. */
  codes: string;
  ner_effective: number;
  isa_failures: number;
  ser_base: number;
  /** bigint: PostgreSQL returns it as a string, read with Number(). */
  pdd_sum_ms: number | string;
  pdd_count: number;
  registers: number;
  register_ok: number;
  register_failed: number;
  register_ms_sum: number | string;
  register_ms_count: number;
}

export interface TelemetryTables {
  telemetry_peers: TelemetryPeerTable;
  telemetry_windows: TelemetryCountsTable;
  telemetry_hourly: TelemetryCountsTable;
}
