/**
 * @module Who is affected when components fail: the resources mapped directly to any of the given
 * components (the catalog's dependencies are not followed here; callers pass the components they
 * consider down), with their contracts and customers, ordered by customer, contract, resource.
 *
 * @example
 * const affected = await listAffectedResources(db, { componentIds: ['media-cottbus'] });
 * affected[0] // → { customer: { externalId: 'K-1000', … }, contract: { externalId: 'V-1002', … }, resource: { kind: 'phone_number', value: '+493551234567', componentIds: ['media-cottbus'] } }
 */
import type { Tx } from './context.ts';

export interface AffectedResource {
  customer: { id: string; externalId: string; name: string; kind: string };
  contract: { id: string; externalId: string; serviceId: string };
  /** `componentIds`: those of the given components this resource runs on. */
  resource: { id: string; kind: string; value: string; componentIds: string[] };
}

export async function listAffectedResources(
  db: Tx,
  options: { componentIds: readonly string[] },
): Promise<AffectedResource[]> {
  if (options.componentIds.length === 0) return [];
  const rows = await db
    .selectFrom('resource_components as rc')
    .innerJoin('resources as r', 'r.id', 'rc.resource_id')
    .innerJoin('contracts as k', 'k.id', 'r.contract_id')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .where('rc.component_id', 'in', [...options.componentIds])
    .select([
      'c.id as customer_id',
      'c.external_id as customer_external_id',
      'c.name as customer_name',
      'c.kind as customer_kind',
      'k.id as contract_id',
      'k.external_id as contract_external_id',
      'k.service_id',
      'r.id as resource_id',
      'r.kind',
      'r.value',
      'rc.component_id',
    ])
    .execute();
  // One row per (resource, component): fold to one entry per resource.
  const byResource = new Map<string, AffectedResource>();
  for (const row of rows) {
    const known = byResource.get(row.resource_id);
    if (known) {
      known.resource.componentIds.push(row.component_id);
      continue;
    }
    byResource.set(row.resource_id, {
      customer: {
        id: row.customer_id,
        externalId: row.customer_external_id,
        name: row.customer_name,
        kind: row.customer_kind,
      },
      contract: { id: row.contract_id, externalId: row.contract_external_id, serviceId: row.service_id },
      resource: { id: row.resource_id, kind: row.kind, value: row.value, componentIds: [row.component_id] },
    });
  }
  // Sorted here, in code-point order: database collations differ (PostgreSQL's follows the locale).
  const out = [...byResource.values()];
  for (const a of out) a.resource.componentIds.sort(compare);
  return out.sort(
    (a, b) =>
      compare(a.customer.externalId, b.customer.externalId) ||
      compare(a.contract.externalId, b.contract.externalId) ||
      compare(a.resource.kind, b.resource.kind) ||
      compare(a.resource.value, b.resource.value),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
