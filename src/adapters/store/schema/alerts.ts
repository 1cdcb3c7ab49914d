/**
 * @module Tables of migration alerts (see migrations/011-alerts.ts). Merged into `Database` in ../schema.ts.
 */

export type AlertSource = 'monitor' | 'telemetry' | 'heartbeat' | 'alertmanager' | 'reports' | 'watchdog';
export type AlertDecision = 'pending' | 'declared' | 'dismissed' | 'auto';

export interface AlertTable {
  id: string;
  component_id: string;
  /** `monitor` | `telemetry` | `heartbeat` | `alertmanager` | `reports` | `watchdog`. */
  source: string;
  /** De-duplication key: at most one firing alert per key. */
  rule_key: string;
  /** `firing` | `resolved`. */
  state: string;
  /** `warning` | `critical`. */
  severity: string;
  title_de: string;
  title_en: string;
  /** JSON (domain/detectors/text.ts `AlertEvidence`). */
  evidence: string;
  peer_id: string | null;
  monitor_id: string | null;
  started_at: string;
  last_evaluated_at: string;
  resolved_at: string | null;
  incident_id: string | null;
  /** `pending` | `declared` | `dismissed` | `auto`. */
  decision: string;
  decided_by: string | null;
  decided_at: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}

export interface DetectorRuleTable {
  id: string;
  component_id: string;
  peer_id: string | null;
  kind: string;
  /** JSON, the kind's parameters (domain/detectors/rules.ts). */
  params: string;
  enabled: number;
  position: number;
}

export interface AlertTables {
  alerts: AlertTable;
  detector_rules: DetectorRuleTable;
}
