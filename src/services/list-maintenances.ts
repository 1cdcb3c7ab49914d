/**
 * @module Maintenance windows by state: upcoming (scheduled), active (in progress or verifying),
 * past (completed or cancelled), or all; soonest first for upcoming, newest first otherwise.
 */
import type { Tx } from './context.ts';
import { loadMaintenanceViews } from './load-maintenance-views.ts';
import type { MaintenanceView } from './views.ts';

export type MaintenanceFilter = 'upcoming' | 'active' | 'past' | 'all';

const statusesOf: Record<MaintenanceFilter, string[] | null> = {
  upcoming: ['scheduled'],
  active: ['in_progress', 'verifying'],
  past: ['completed', 'cancelled'],
  all: null,
};

export async function listMaintenances(
  db: Tx,
  options: { filter?: MaintenanceFilter; limit?: number } = {},
): Promise<MaintenanceView[]> {
  const filter = options.filter ?? 'all';
  const statuses = statusesOf[filter];
  const rows = await db
    .selectFrom('maintenances')
    .select('id')
    .$if(statuses !== null, (q) => q.where('status', 'in', statuses!))
    .orderBy('scheduled_start', filter === 'upcoming' || filter === 'active' ? 'asc' : 'desc')
    .limit(Math.min(options.limit ?? 50, 500))
    .execute();
  return loadMaintenanceViews(
    db,
    rows.map((r) => r.id),
  );
}
