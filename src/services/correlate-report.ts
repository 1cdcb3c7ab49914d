/**
 * @module Correlation: which open incident a new report belongs to by itself. The newest open
 * incident touching the report's service (its components or what they depend on); for a report
 * that names a cloud, only an incident that names that cloud or no cloud (docs/PARTNERS.md).
 */
import { normalizeCloudName } from '#src/domain/incident-clouds.ts';
import type { Tx } from './context.ts';

/**
 * The newest open incident touching the service: one of its components or anything they depend
 * on (an outage of the media server is an outage of the numbers served by it). A report naming a
 * cloud takes only an incident that names that cloud or names no cloud (domain/incident-clouds.ts).
 */
export async function openIncidentFor(db: Tx, serviceId: string, cloud?: string): Promise<string | null> {
  const [links, deps] = await Promise.all([
    db.selectFrom('component_services').select('component_id').where('service_id', '=', serviceId).execute(),
    db.selectFrom('component_dependencies').selectAll().execute(),
  ]);
  const touched = new Set(links.map((l) => l.component_id));
  const queue = [...touched];
  while (queue.length > 0) {
    const c = queue.pop();
    for (const d of deps) {
      if (d.component_id === c && !touched.has(d.depends_on_id)) {
        touched.add(d.depends_on_id);
        queue.push(d.depends_on_id);
      }
    }
  }
  if (touched.size === 0) return null;
  const row = await db
    .selectFrom('incidents')
    .innerJoin('incident_components', 'incident_components.incident_id', 'incidents.id')
    .select('incidents.id')
    .where('incidents.status', '!=', 'resolved')
    .where('incident_components.component_id', 'in', [...touched])
    .$if(cloud !== undefined, (q) =>
      q.where((eb) => {
        const named = eb
          .selectFrom('incident_clouds')
          .select('incident_clouds.incident_id')
          .whereRef('incident_clouds.incident_id', '=', 'incidents.id');
        return eb.or([
          eb.not(eb.exists(named)),
          eb.exists(named.where('incident_clouds.cloud_name', '=', normalizeCloudName(cloud ?? ''))),
        ]);
      }),
    )
    .orderBy('incidents.created_at', 'desc')
    .orderBy('incidents.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
