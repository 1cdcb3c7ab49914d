/**
 * @module Restoration progress of incidents: of the resources (numbers, trunks, lines, clouds) on
 * the affected components, how many an operator has marked restored. Counted in the database
 * (distinct resources), so an inventory of a hundred thousand numbers costs two small queries per
 * incident, not a list in memory.
 *
 * @example
 * (await getRestorationProgress(db, ['inc_1'])).get('inc_1') // → { restored: 120, total: 480, percent: 25 }
 */
import { type RestorationProgress, restorationProgress } from '#src/domain/affected.ts';
import type { Tx } from './context.ts';
import { loadAffectedComponents } from './load-affected-components.ts';

export async function getRestorationProgress(
  db: Tx,
  incidentIds: readonly string[],
): Promise<Map<string, RestorationProgress>> {
  const scopes = await loadAffectedComponents(db, incidentIds);
  const out = new Map<string, RestorationProgress>();
  for (const [incidentId, components] of scopes) {
    if (components.size === 0) {
      out.set(incidentId, restorationProgress(0, 0));
      continue;
    }
    const ids = [...components];
    const [total, restored] = await Promise.all([
      db
        .selectFrom('resource_components')
        .where('component_id', 'in', ids)
        .select((eb) => eb.fn.count<number | string>('resource_id').distinct().as('n'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('resource_restorations as rr')
        .where('rr.incident_id', '=', incidentId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('resource_components as rc')
              .whereRef('rc.resource_id', '=', 'rr.resource_id')
              .where('rc.component_id', 'in', ids)
              .select('rc.resource_id'),
          ),
        )
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    out.set(incidentId, restorationProgress(Number(restored.n), Number(total.n)));
  }
  return out;
}
