/**
 * @module Alerts as the services and pages read them: a row with its evidence parsed, the firing
 * and recent lists, and what a linked incident needs to know (are all its alerts recovered?).
 */
import type { Selectable } from 'kysely';
import type { AlertTable } from '#src/adapters/store/schema/alerts.ts';
import type { AlertEvidence } from '#src/domain/detectors/text.ts';
import type { Tx } from './context.ts';

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

/** Firing alerts (newest first), then up to `recent` resolved ones. */
export async function listAlerts(db: Tx, options: { recent?: number } = {}) {
  const firing = await db
    .selectFrom('alerts')
    .selectAll()
    .where('state', '=', 'firing')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const resolved = await db
    .selectFrom('alerts')
    .selectAll()
    .where('state', '=', 'resolved')
    .orderBy('resolved_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.recent ?? 50)
    .execute();
  return { firing: firing.map(presentAlert), resolved: resolved.map(presentAlert) };
}

export async function getAlert(db: Tx, id: string): Promise<AlertView | null> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? presentAlert(row) : null;
}

/**
 * Firing alerts still waiting for an operator's decision: the dashboard banner. Report clusters
 * are left out: the dashboard already shows them with the inbox's own banner and declare form.
 */
export async function pendingAlerts(db: Tx): Promise<AlertView[]> {
  const rows = await db
    .selectFrom('alerts')
    .selectAll()
    .where('state', '=', 'firing')
    .where('source', '!=', 'reports')
    .where('decision', '=', 'pending')
    .where('acknowledged_at', 'is', null)
    .orderBy('started_at', 'desc')
    .execute();
  return rows.map(presentAlert);
}

/**
 * The alerts linked to an incident and whether they have all recovered: then the console proposes
 * resolving it (it never resolves by itself unless the component's policy says so).
 */
export async function incidentAlertRecovery(db: Tx, incidentId: string) {
  const rows = await db.selectFrom('alerts').selectAll().where('incident_id', '=', incidentId).execute();
  const alerts = rows.map(presentAlert);
  const recovered = alerts.length > 0 && alerts.every((a) => a.state === 'resolved');
  const lastResolvedAt = recovered
    ? alerts
        .map((a) => a.resolvedAt!)
        .sort()
        .at(-1)!
    : null;
  return { alerts, recovered, lastResolvedAt };
}
