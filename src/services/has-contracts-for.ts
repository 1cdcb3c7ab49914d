/**
 * @module hasContractsFor: whether an inventory with contracts of a service has been imported;
 * only then must a customer's report name identifiers of one of them.
 */
import type { Tx } from './context.ts';

/**
 * Whether an inventory with contracts of this service has been imported. Reports check an end
 * customer's identifier only then: before the first import there is nothing to match against.
 */
export async function hasContractsFor(db: Tx, serviceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('contracts')
    .select('id')
    .where('service_id', '=', serviceId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
