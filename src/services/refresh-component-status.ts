/**
 * @module Re-derives every component's status from open incidents and running maintenance and
 * records changes as status intervals (close the old stretch, open a new one). Called inside the
 * transaction of every state change, so history and state never disagree.
 */
import { sql } from 'kysely';
import { activeMaintenanceStatuses } from '#src/domain/maintenance.ts';
import { type ComponentStatus, type DerivedStatus, deriveStatuses } from '#src/domain/status.ts';
import type { ServiceContext, Tx } from './context.ts';

/** Arbitrary constant key for the PostgreSQL advisory lock that serialises status refreshes. */
const statusLockKey = 7_410_001;

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

export async function refreshComponentStatus(
  trx: Tx,
  ctx: Pick<ServiceContext, 'clock' | 'newId' | 'dialect'>,
) {
  if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${statusLockKey})`.execute(trx);
  const derived = await loadDerivedStatuses(trx);
  const open = await trx.selectFrom('status_intervals').selectAll().where('ended_at', 'is', null).execute();
  const openByComponent = new Map(open.map((o) => [o.component_id, o]));
  const now = ctx.clock().toISOString();
  const changed: { componentId: string; from: string | null; to: ComponentStatus }[] = [];
  for (const [componentId, d] of derived) {
    const current = openByComponent.get(componentId);
    if (current?.status === d.status) continue;
    if (current) {
      await trx.updateTable('status_intervals').set({ ended_at: now }).where('id', '=', current.id).execute();
    }
    await trx
      .insertInto('status_intervals')
      .values({
        id: ctx.newId(),
        component_id: componentId,
        status: d.status,
        started_at: now,
        ended_at: null,
      })
      .execute();
    changed.push({ componentId, from: current?.status ?? null, to: d.status });
  }
  return { derived, changed };
}
