/**
 * @module getAlert: one alert, for its console page.
 */
import { type AlertView, presentAlert } from './alert-rows.ts';
import type { Tx } from './context.ts';

export async function getAlert(db: Tx, id: string): Promise<AlertView | null> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? presentAlert(row) : null;
}
