/**
 * @module Finds the contract of a service that carries the given identifiers (as a report names
 * them: `{ dslOrderNumber: 'DSL-4711' }`). Values compare as the import stores them: without case
 * and spaces. Every non-empty identifier given must match; empty ones are ignored. Several matches
 * (two DSL lines on one server licence) return the one with the lowest external id, so the
 * answer is stable. Null when nothing matches or no identifier was given.
 *
 * @example
 * await findContract(db, { serviceId: 'cloud', identifiers: { cloudName: 'MaxMuster.beispiel-cloud.de' } })
 * // → { externalId: 'V-1001', customer: { externalId: 'K-1000', … }, … }
 */
import { normalizeIdentifier } from '#src/domain/inventory.ts';
import type { Tx } from './context.ts';

export interface FoundContract {
  id: string;
  externalId: string;
  serviceId: string;
  identifiers: Record<string, string>;
  customer: { id: string; externalId: string; name: string; kind: string };
}

export async function findContract(
  db: Tx,
  options: { serviceId: string; identifiers: Record<string, string> },
): Promise<FoundContract | null> {
  const given = Object.entries(options.identifiers)
    .map(([key, value]) => [key, normalizeIdentifier(value)] as const)
    .filter(([, value]) => value !== '');
  if (given.length === 0) return null;
  const row = await db
    .selectFrom('contract_identifiers as ci')
    .innerJoin('contracts as k', 'k.id', 'ci.contract_id')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .where('ci.service_id', '=', options.serviceId)
    .where((eb) =>
      eb.or(given.map(([key, value]) => eb.and([eb('ci.key', '=', key), eb('ci.value', '=', value)]))),
    )
    .groupBy([
      'k.id',
      'k.external_id',
      'k.service_id',
      'k.identifiers',
      'c.id',
      'c.external_id',
      'c.name',
      'c.kind',
    ])
    .having((eb) => eb.fn.countAll(), '=', given.length)
    .select([
      'k.id',
      'k.external_id',
      'k.service_id',
      'k.identifiers',
      'c.id as customer_id',
      'c.external_id as customer_external_id',
      'c.name as customer_name',
      'c.kind as customer_kind',
    ])
    .orderBy('k.external_id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    externalId: row.external_id,
    serviceId: row.service_id,
    identifiers: JSON.parse(row.identifiers) as Record<string, string>,
    customer: {
      id: row.customer_id,
      externalId: row.customer_external_id,
      name: row.customer_name,
      kind: row.customer_kind,
    },
  };
}

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
