/**
 * @module loadDerivedStatuses: every component's status as derived now from open incidents,
 * running maintenance and component dependencies (domain/status.ts). refreshComponentStatus
 * records it; the status snapshot reads it.
 */
import { activeMaintenanceStatuses } from '#src/domain/maintenance.ts';
import { type ComponentStatus, type DerivedStatus, deriveStatuses } from '#src/domain/status.ts';
import type { Tx } from './context.ts';

export async function loadDerivedStatuses(db: Tx): Promise<Map<string, DerivedStatus>> {
  const [components, deps, incidentComponents, maintenanceComponents] = await Promise.all([
    db.selectFrom('components').select('id').execute(),
    db.selectFrom('component_dependencies').selectAll().execute(),
    db
      .selectFrom('incident_components')
      .innerJoin('incidents', 'incidents.id', 'incident_components.incident_id')
      .where('incidents.status', '!=', 'resolved')
      .select([
        'incident_components.incident_id',
        'incident_components.component_id',
        'incident_components.status',
      ])
      .execute(),
    db
      .selectFrom('maintenance_components')
      .innerJoin('maintenances', 'maintenances.id', 'maintenance_components.maintenance_id')
      .where('maintenances.status', 'in', [...activeMaintenanceStatuses])
      .select(['maintenance_components.maintenance_id', 'maintenance_components.component_id'])
      .execute(),
  ]);
  const incidents = new Map<string, { componentId: string; status: ComponentStatus }[]>();
  for (const r of incidentComponents) {
    const list = incidents.get(r.incident_id) ?? [];
    list.push({ componentId: r.component_id, status: r.status as ComponentStatus });
    incidents.set(r.incident_id, list);
  }
  const maintenances = new Map<string, string[]>();
  for (const r of maintenanceComponents) {
    maintenances.set(r.maintenance_id, [...(maintenances.get(r.maintenance_id) ?? []), r.component_id]);
  }
  return deriveStatuses({
    components: components.map((c) => ({
      id: c.id,
      dependsOn: deps.filter((d) => d.component_id === c.id).map((d) => d.depends_on_id),
    })),
    incidents: [...incidents].map(([id, list]) => ({ id, components: list })),
    maintenances: [...maintenances].map(([id, componentIds]) => ({ id, componentIds })),
  });
}
