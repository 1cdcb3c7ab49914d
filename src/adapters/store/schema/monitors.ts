/**
 * @module Tables of migration monitors (see migrations/009-monitors.ts). Merged into `Database` in ../schema.ts.
 */
import type { Generated } from 'kysely';

export interface MonitorTable {
  /** Catalog id. */
  id: string;
  component_id: string;
  /** `sip-options` | `sip-register` | `http` | `tcp` | `dns` | `tls` | `heartbeat` (domain/monitor.ts). */
  kind: string;
  name_de: string;
  name_en: string;
  target: string;
  /** JSON object, per kind; secrets only as `env:NAME` references. */
  settings: string;
  interval_ms: number;
  timeout_ms: number;
  down_after: number;
  /** 0/1 from the catalog. */
  enabled: number;
  heartbeat_token_hash: string | null;
  /** Set while an operator has paused the monitor in the console. */
  paused_at: string | null;
  paused_by: string | null;
  position: number;
}

export interface MonitorStateTable {
  monitor_id: string;
  /** `unknown` | `up` | `down` | `overloaded`. */
  state: string;
  consecutive_failures: number;
  since: string;
  last_checked_at: string | null;
  last_rtt_ms: number | null;
  last_code: number | null;
  last_detail: string;
}

export interface MonitorCheckTable {
  monitor_id: string;
  at: string;
  outcome: string;
  rtt_ms: number;
  code: number | null;
  detail: string;
}

/** One row per named job: who holds it until when (see services/acquire-lease.ts). */
export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

/** Columns 009 adds to `components`. */
export interface ComponentAlertingColumns {
  /** `confirm` | `auto` (database default `confirm`). */
  alert_policy: Generated<string>;
  /** `propose` | `auto` (database default `propose`). */
  resolve_policy: Generated<string>;
}

export interface MonitorTables {
  monitors: MonitorTable;
  monitor_state: MonitorStateTable;
  monitor_checks: MonitorCheckTable;
  job_leases: JobLeaseTable;
}
