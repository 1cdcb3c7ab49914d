/**
 * @module The components an incident affects (its own and, for faults, their dependents): the
 * scope of "who is affected?" for restoration progress and notifications to affected customers.
 * Read from the incident as it is now, so components added to the incident later count too.
 */
import { affectedComponentIds } from '#src/domain/affected.ts';
import { notFound } from '#src/domain/errors.ts';
import type { ComponentStatus } from '#src/domain/status.ts';
import type { Tx } from './context.ts';

export async function loadAffectedComponents(
  db: Tx,
  incidentIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  if (incidentIds.length === 0) return new Map();
  const [own, deps, components] = await Promise.all([
    db
      .selectFrom('incident_components')
      .where('incident_id', 'in', [...incidentIds])
      .select(['incident_id', 'component_id', 'status'])
      .execute(),
    db.selectFrom('component_dependencies').select(['component_id', 'depends_on_id']).execute(),
    db.selectFrom('components').select('id').execute(),
  ]);
  const refs = components.map((c) => ({
    id: c.id,
    dependsOn: deps.filter((d) => d.component_id === c.id).map((d) => d.depends_on_id),
  }));
  return new Map(
    incidentIds.map((id) => [
      id,
      affectedComponentIds(
        own
          .filter((o) => o.incident_id === id)
          .map((o) => ({ componentId: o.component_id, status: o.status as ComponentStatus })),
        refs,
      ),
    ]),
  );
}

/** The same for one incident that must exist (404 otherwise). */
export async function loadAffectedComponentsOf(db: Tx, incidentId: string): Promise<Set<string>> {
  const incident = await db
    .selectFrom('incidents')
    .select('id')
    .where('id', '=', incidentId)
    .executeTakeFirst();
  if (!incident) throw notFound('incident', incidentId);
  return (await loadAffectedComponents(db, [incidentId])).get(incidentId)!;
}
