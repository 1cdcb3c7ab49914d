/**
 * @module Finds the contract of a service that a report's identifiers point to
 * (`{ dslOrderNumber: 'DSL-4711' }`). Values compare as the import stores them: without case and
 * spaces. A contract matches when at least one given identifier matches it and none contradicts it:
 * an identifier the contract does not have in the inventory is not held against it (an inventory
 * may know a DSL line's order number but not the licence of the phone system behind it), a
 * different value for one it has is. Empty values are ignored. Among several matches the one with
 * the most matching identifiers wins, then the lowest external id, so the answer is stable.
 * Null when nothing matches or no identifier was given.
 *
 * @example
 * await findContract(db, { serviceId: 'cloud', identifiers: { cloudName: 'MaxMuster.beispiel-cloud.de' } })
 * // → { externalId: 'V-3001', customer: { externalId: 'P-0500', … }, … }
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
  const given = new Map(
    Object.entries(options.identifiers)
      .map(([key, value]) => [key, normalizeIdentifier(value)] as const)
      .filter(([, value]) => value !== ''),
  );
  if (given.size === 0) return null;
  // Candidates: contracts with at least one matching identifier (the (service_id, key, value) index).
  const candidates = await db
    .selectFrom('contract_identifiers')
    .where('service_id', '=', options.serviceId)
    .where((eb) =>
      eb.or([...given].map(([key, value]) => eb.and([eb('key', '=', key), eb('value', '=', value)]))),
    )
    .select('contract_id')
    .execute();
  if (candidates.length === 0) return null;
  const matched = new Map<string, number>();
  for (const c of candidates) matched.set(c.contract_id, (matched.get(c.contract_id) ?? 0) + 1);
  // Their stored values for the given keys: any difference rules a candidate out.
  const stored = await db
    .selectFrom('contract_identifiers')
    .where('contract_id', 'in', [...matched.keys()])
    .where('key', 'in', [...given.keys()])
    .select(['contract_id', 'key', 'value'])
    .execute();
  for (const s of stored) if (given.get(s.key) !== s.value) matched.delete(s.contract_id);
  if (matched.size === 0) return null;
  const rows = await db
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .where('k.id', 'in', [...matched.keys()])
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
    .execute();
  const best = rows.sort(
    (a, b) => (matched.get(b.id) ?? 0) - (matched.get(a.id) ?? 0) || compare(a.external_id, b.external_id),
  )[0];
  if (!best) return null;
  return {
    id: best.id,
    externalId: best.external_id,
    serviceId: best.service_id,
    identifiers: JSON.parse(best.identifiers) as Record<string, string>,
    customer: {
      id: best.customer_id,
      externalId: best.customer_external_id,
      name: best.customer_name,
      kind: best.customer_kind,
    },
  };
}

/** Code-point order, the same on every database and locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
