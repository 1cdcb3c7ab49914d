/**
 * @module listPendingAlerts: the dashboard banner's alerts still waiting for a decision.
 */
import { type AlertView, presentAlert } from './alert-rows.ts';
import type { Tx } from './context.ts';

/**
 * Firing alerts still waiting for an operator's decision: the dashboard banner. Report clusters
 * are left out: the dashboard already shows them with the inbox's own banner and declare form.
 */
export async function listPendingAlerts(db: Tx): Promise<AlertView[]> {
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
