/**
 * @module loadMaintenanceViews: maintenance windows by id as pages and APIs show them (components,
 * updates newest first), for the read verbs; ids not found are left out.
 */
import type { Tx } from './context.ts';
import type { MaintenanceView } from './views.ts';

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
