/**
 * @module Everything the status page and the Statuspage-compatible API show at one instant:
 * catalog, derived component statuses, banner, open incidents (public updates only), running and
 * upcoming maintenance, hotlines.
 */
import { type BannerKind, banner, type DerivedStatus, type PageIndicator } from '#src/domain/status.ts';
import type { Tx } from './context.ts';
import { type Catalog, loadCatalog } from './load-catalog.ts';
import { loadDerivedStatuses } from './load-derived-statuses.ts';
import { loadIncidentViews } from './load-incident-views.ts';
import { loadMaintenanceViews } from './load-maintenance-views.ts';
import type { IncidentView, MaintenanceView } from './views.ts';

export interface StatusSnapshot {
  generatedAt: string;
  catalog: Catalog;
  statuses: Map<string, DerivedStatus>;
  banner: { kind: BannerKind; indicator: PageIndicator };
  /** Open incidents, newest first, with public updates only. */
  activeIncidents: IncidentView[];
  /** Windows `in_progress` or `verifying`. */
  activeMaintenances: MaintenanceView[];
  /** Windows `scheduled`, soonest first. */
  upcomingMaintenances: MaintenanceView[];
}

export async function getStatusSnapshot(db: Tx, now: Date): Promise<StatusSnapshot> {
  const [catalog, statuses, openIncidents, maint] = await Promise.all([
    loadCatalog(db),
    loadDerivedStatuses(db),
    db
      .selectFrom('incidents')
      .select('id')
      .where('status', '!=', 'resolved')
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('maintenances')
      .select(['id', 'status'])
      .where('status', 'in', ['scheduled', 'in_progress', 'verifying'])
      .orderBy('scheduled_start')
      .execute(),
  ]);
  const [activeIncidents, maintenances] = await Promise.all([
    loadIncidentViews(
      db,
      openIncidents.map((i) => i.id),
      { includeInternal: false },
    ),
    loadMaintenanceViews(
      db,
      maint.map((m) => m.id),
    ),
  ]);
  return {
    generatedAt: now.toISOString(),
    catalog,
    statuses,
    banner: banner([...statuses.values()].map((s) => s.status)),
    activeIncidents,
    activeMaintenances: maintenances.filter((m) => m.status !== 'scheduled'),
    upcomingMaintenances: maintenances.filter((m) => m.status === 'scheduled'),
  };
}
