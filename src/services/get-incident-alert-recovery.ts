/**
 * @module getIncidentAlertRecovery: what an incident's page needs to know about its linked
 * alerts (have they all recovered, and when last?).
 */
import { presentAlert } from './alert-rows.ts';
import type { Tx } from './context.ts';

/**
 * The alerts linked to an incident and whether they have all recovered: then the console proposes
 * resolving it (it never resolves by itself unless the component's policy says so).
 */
export async function getIncidentAlertRecovery(db: Tx, incidentId: string) {
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
