/**
 * @module Alerts as the services and pages read them: the AlertView and how a stored row becomes
 * one (evidence parsed leniently). The read verbs (listAlerts, getAlert, listPendingAlerts,
 * getIncidentAlertRecovery) each live in their own file and present rows with presentAlert.
 */
import type { Selectable } from 'kysely';
import type { AlertTable } from '#src/adapters/store/schema/alerts.ts';
import type { AlertEvidence } from '#src/domain/detectors/text.ts';

export interface AlertView {
  id: string;
  componentId: string;
  source: string;
  ruleKey: string;
  state: 'firing' | 'resolved';
  severity: 'warning' | 'critical';
  title: { de: string; en: string };
  evidence: AlertEvidence | null;
  peerId: string | null;
  monitorId: string | null;
  startedAt: string;
  lastEvaluatedAt: string;
  resolvedAt: string | null;
  incidentId: string | null;
  decision: 'pending' | 'declared' | 'dismissed' | 'auto';
  decidedBy: string | null;
  decidedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

/** Evidence JSON that does not parse (hand-edited row) shows as "no evidence", never an error page. */
function parseEvidence(raw: string): AlertEvidence | null {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && 'kind' in v ? (v as AlertEvidence) : null;
  } catch {
    return null;
  }
}

export function presentAlert(r: Selectable<AlertTable>): AlertView {
  return {
    id: r.id,
    componentId: r.component_id,
    source: r.source,
    ruleKey: r.rule_key,
    state: r.state === 'firing' ? 'firing' : 'resolved',
    severity: r.severity === 'critical' ? 'critical' : 'warning',
    title: { de: r.title_de, en: r.title_en },
    evidence: parseEvidence(r.evidence),
    peerId: r.peer_id,
    monitorId: r.monitor_id,
    startedAt: r.started_at,
    lastEvaluatedAt: r.last_evaluated_at,
    resolvedAt: r.resolved_at,
    incidentId: r.incident_id,
    decision: (['pending', 'declared', 'dismissed', 'auto'].includes(r.decision)
      ? r.decision
      : 'pending') as AlertView['decision'],
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at,
  };
}
