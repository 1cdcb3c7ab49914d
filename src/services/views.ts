/**
 * @module Read models shared by the read verbs: incidents and maintenance as pages and APIs show
 * them (bilingual texts side by side; the presenter picks the reader's language).
 */
import type { ComponentStatus } from '#src/domain/status.ts';
import type { Tx } from './context.ts';

export interface Bilingual {
  de: string;
  en: string;
}

export interface IncidentUpdateView {
  id: string;
  status: string;
  body: Bilingual;
  visibility: 'public' | 'internal';
  createdAt: string;
  author: string;
}

export interface IncidentView {
  id: string;
  title: Bilingual;
  impact: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  version: number;
  components: { componentId: string; status: ComponentStatus }[];
  /** Newest first. */
  updates: IncidentUpdateView[];
}

export interface MaintenanceUpdateView {
  id: string;
  status: string;
  body: Bilingual;
  createdAt: string;
  author: string;
}

export interface MaintenanceView {
  id: string;
  title: Bilingual;
  status: string;
  scheduledStart: string;
  scheduledEnd: string;
  startedAt: string | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  componentIds: string[];
  /** Newest first. */
  updates: MaintenanceUpdateView[];
}

export async function loadIncidentViews(
  db: Tx,
  ids: readonly string[],
  options: { includeInternal: boolean },
): Promise<IncidentView[]> {
  if (ids.length === 0) return [];
  const [rows, comps, updates] = await Promise.all([
    db.selectFrom('incidents').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('incident_components').selectAll().where('incident_id', 'in', ids).execute(),
    db
      .selectFrom('incident_updates')
      .selectAll()
      .where('incident_id', 'in', ids)
      .$if(!options.includeInternal, (q) => q.where('visibility', '=', 'public'))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        title: { de: r.title_de, en: r.title_en },
        impact: r.impact,
        status: r.status,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        resolvedAt: r.resolved_at,
        version: r.version,
        components: comps
          .filter((c) => c.incident_id === id)
          .map((c) => ({ componentId: c.component_id, status: c.status as ComponentStatus })),
        updates: updates
          .filter((u) => u.incident_id === id)
          .map((u) => ({
            id: u.id,
            status: u.status,
            body: { de: u.body_de, en: u.body_en },
            visibility: u.visibility as 'public' | 'internal',
            createdAt: u.created_at,
            author: u.author,
          })),
      },
    ];
  });
}

export async function loadMaintenanceViews(db: Tx, ids: readonly string[]): Promise<MaintenanceView[]> {
  if (ids.length === 0) return [];
  const [rows, comps, updates] = await Promise.all([
    db.selectFrom('maintenances').selectAll().where('id', 'in', ids).execute(),
    db.selectFrom('maintenance_components').selectAll().where('maintenance_id', 'in', ids).execute(),
    db
      .selectFrom('maintenance_updates')
      .selectAll()
      .where('maintenance_id', 'in', ids)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        title: { de: r.title_de, en: r.title_en },
        status: r.status,
        scheduledStart: r.scheduled_start,
        scheduledEnd: r.scheduled_end,
        startedAt: r.started_at,
        completedAt: r.completed_at,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        version: r.version,
        componentIds: comps.filter((c) => c.maintenance_id === id).map((c) => c.component_id),
        updates: updates
          .filter((u) => u.maintenance_id === id)
          .map((u) => ({
            id: u.id,
            status: u.status,
            body: { de: u.body_de, en: u.body_en },
            createdAt: u.created_at,
            author: u.author,
          })),
      },
    ];
  });
}
