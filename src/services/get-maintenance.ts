/**
 * @module One maintenance window with its full timeline (maintenance messages are all public).
 */
import { notFound } from '#src/domain/errors.ts';
import type { Tx } from './context.ts';
import { loadMaintenanceViews } from './load-maintenance-views.ts';
import type { MaintenanceView } from './views.ts';

export async function getMaintenance(db: Tx, id: string): Promise<MaintenanceView> {
  const [maintenance] = await loadMaintenanceViews(db, [id]);
  if (!maintenance) throw notFound('maintenance', id);
  return maintenance;
}
