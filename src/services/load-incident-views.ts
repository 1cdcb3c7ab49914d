/**
 * @module loadIncidentViews: incidents by id as pages and APIs show them (components, updates
 * newest first, internal updates only when asked), for the read verbs; ids not found are left out.
 */
import type { ComponentStatus } from '#src/domain/status.ts';
import type { Tx } from './context.ts';
import type { IncidentView } from './views.ts';

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
