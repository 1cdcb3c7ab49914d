/**
 * @module componentsOfService: the components a service runs on, in catalog order: what an
 * incident declared from a report of that service affects unless the operator chooses others.
 */
import type { Tx } from './context.ts';

/** Components that belong to a service, in catalog order: the default of the declare form. */
export async function componentsOfService(db: Tx, serviceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('component_services')
    .innerJoin('components', 'components.id', 'component_services.component_id')
    .select('components.id')
    .where('component_services.service_id', '=', serviceId)
    .orderBy('components.position')
    .orderBy('components.id')
    .execute();
  return rows.map((r) => r.id);
}
