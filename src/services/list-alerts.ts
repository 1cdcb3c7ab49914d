/**
 * @module listAlerts: the console's alert list and the Alertmanager-style API read the firing
 * alerts and the recently resolved ones.
 */
import { presentAlert } from './alert-rows.ts';
import type { Tx } from './context.ts';

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
