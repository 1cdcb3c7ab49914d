/**
 * @module Reads the stored inventory in the shape the import compares against, and writes an
 * import's changes: inserts in batches (a 10 000-row file is a few dozen statements), updates and
 * deletes by id. Order matters for the foreign keys: customers, contacts, contracts and resources
 * are written first, then the left-out resources, contracts, contacts and customers are deleted.
 */

import { type ContractRecord, normalizeIdentifier, type ResourceRecord } from '#src/domain/inventory.ts';
import type { InventoryChanges, StoredInventory } from '#src/domain/inventory-diff.ts';
import type { ServiceContext, Tx } from './context.ts';

/** Rows per INSERT: well under the bind-parameter limits of SQLite and PostgreSQL. */
const batchSize = 500;

export async function loadStoredInventory(db: Tx): Promise<StoredInventory> {
  const [customers, contacts, contracts, resources, links] = await Promise.all([
    db.selectFrom('customers').select(['id', 'external_id', 'name', 'kind']).execute(),
    db
      .selectFrom('contacts as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .select(['p.id', 'c.external_id', 'p.name', 'p.email', 'p.phone', 'p.language'])
      .execute(),
    db
      .selectFrom('contracts as k')
      .innerJoin('customers as c', 'c.id', 'k.customer_id')
      .select(['k.id', 'k.external_id', 'c.external_id as customer', 'k.service_id', 'k.identifiers'])
      .execute(),
    db
      .selectFrom('resources as r')
      .innerJoin('contracts as k', 'k.id', 'r.contract_id')
      .select(['r.id', 'k.external_id as contract', 'r.kind', 'r.value'])
      .execute(),
    db.selectFrom('resource_components').select(['resource_id', 'component_id']).execute(),
  ]);
  const componentsOf = new Map<string, string[]>();
  for (const l of links)
    componentsOf.set(l.resource_id, [...(componentsOf.get(l.resource_id) ?? []), l.component_id]);
  return {
    customers: customers.map((c) => ({ id: c.id, externalId: c.external_id, name: c.name, kind: c.kind })),
    contacts: contacts.map((p) => ({
      id: p.id,
      customerExternalId: p.external_id,
      name: p.name,
      email: p.email,
      phone: p.phone,
      language: p.language,
    })),
    contracts: contracts.map((k) => ({
      id: k.id,
      externalId: k.external_id,
      customerExternalId: k.customer,
      serviceId: k.service_id,
      identifiers: JSON.parse(k.identifiers) as Record<string, string>,
    })),
    resources: resources.map((r) => ({
      id: r.id,
      contractExternalId: r.contract,
      kind: r.kind,
      value: r.value,
      componentIds: (componentsOf.get(r.id) ?? []).sort(),
    })),
  };
}

export async function writeInventoryChanges(
  trx: Tx,
  ctx: ServiceContext,
  changes: InventoryChanges,
  progress: (done: number) => void,
): Promise<void> {
  const now = ctx.clock().toISOString();
  let done = 0;
  const step = (n: number) => {
    done += n;
    progress(done);
  };
  const ids = await idMaps(trx);

  for (const chunk of chunks(changes.customers.create)) {
    const rows = chunk.map((c) => {
      const id = ctx.newId();
      ids.customers.set(c.externalId, id);
      return { id, external_id: c.externalId, name: c.name, kind: c.kind, created_at: now, updated_at: now };
    });
    await trx.insertInto('customers').values(rows).execute();
    step(rows.length);
  }
  for (const c of changes.customers.update) {
    await trx
      .updateTable('customers')
      .set({ name: c.name, kind: c.kind, updated_at: now })
      .where('id', '=', c.id)
      .execute();
    step(1);
  }

  const customerId = (externalId: string) => ids.customers.get(externalId) as string;
  for (const chunk of chunks(changes.contacts.create)) {
    const rows = chunk.map((p) => ({
      id: ctx.newId(),
      customer_id: customerId(p.customerExternalId),
      name: p.name,
      email: p.email,
      phone: p.phone,
      language: p.language,
    }));
    await trx.insertInto('contacts').values(rows).execute();
    step(rows.length);
  }
  for (const p of changes.contacts.update) {
    await trx
      .updateTable('contacts')
      .set({ name: p.name, phone: p.phone, language: p.language })
      .where('id', '=', p.id)
      .execute();
    step(1);
  }

  for (const chunk of chunks(changes.contracts.create)) {
    const rows = chunk.map((k) => {
      const id = ctx.newId();
      ids.contracts.set(k.externalId, id);
      return { id, ...contractColumns(k, customerId(k.customerExternalId), now), created_at: now };
    });
    await trx.insertInto('contracts').values(rows).execute();
    await insertIdentifiers(
      trx,
      chunk.map((k) => ({ id: ids.contracts.get(k.externalId) as string, contract: k })),
    );
    step(rows.length);
  }
  for (const k of changes.contracts.update) {
    await trx
      .updateTable('contracts')
      .set(contractColumns(k, customerId(k.customerExternalId), now))
      .where('id', '=', k.id)
      .execute();
    await trx.deleteFrom('contract_identifiers').where('contract_id', '=', k.id).execute();
    await insertIdentifiers(trx, [{ id: k.id, contract: k }]);
    step(1);
  }

  const contractId = (externalId: string) => ids.contracts.get(externalId) as string;
  for (const chunk of chunks(changes.resources.create)) {
    const rows = chunk.map((r) => ({
      id: ctx.newId(),
      contract_id: contractId(r.contractExternalId),
      kind: r.kind,
      value: r.value,
    }));
    await trx.insertInto('resources').values(rows).execute();
    await insertComponents(
      trx,
      rows.map((row, i) => ({ id: row.id, resource: chunk[i] as ResourceRecord })),
    );
    step(rows.length);
  }
  for (const r of changes.resources.update) {
    await trx
      .updateTable('resources')
      .set({ contract_id: contractId(r.contractExternalId) })
      .where('id', '=', r.id)
      .execute();
    await trx.deleteFrom('resource_components').where('resource_id', '=', r.id).execute();
    await insertComponents(trx, [{ id: r.id, resource: r }]);
    step(1);
  }

  // Deletions last, children first; the cascades take identifiers and resource components along.
  for (const [table, gone] of [
    ['resources', changes.resources.delete],
    ['contracts', changes.contracts.delete],
    ['contacts', changes.contacts.delete],
    ['customers', changes.customers.delete],
  ] as const) {
    for (const chunk of chunks(gone.map((x) => x.id))) {
      await trx.deleteFrom(table).where('id', 'in', chunk).execute();
      step(chunk.length);
    }
  }
}

async function idMaps(trx: Tx) {
  const [customers, contracts] = await Promise.all([
    trx.selectFrom('customers').select(['id', 'external_id']).execute(),
    trx.selectFrom('contracts').select(['id', 'external_id']).execute(),
  ]);
  return {
    customers: new Map(customers.map((c) => [c.external_id, c.id])),
    contracts: new Map(contracts.map((c) => [c.external_id, c.id])),
  };
}

function contractColumns(k: ContractRecord, customerId: string, now: string) {
  return {
    external_id: k.externalId,
    customer_id: customerId,
    service_id: k.serviceId,
    identifiers: JSON.stringify(k.identifiers),
    updated_at: now,
  };
}

async function insertIdentifiers(trx: Tx, contracts: { id: string; contract: ContractRecord }[]) {
  const rows = contracts.flatMap(({ id, contract }) =>
    Object.entries(contract.identifiers)
      .map(([key, value]) => ({
        contract_id: id,
        service_id: contract.serviceId,
        key,
        value: normalizeIdentifier(value),
      }))
      .filter((r) => r.value !== ''),
  );
  for (const chunk of chunks(rows)) await trx.insertInto('contract_identifiers').values(chunk).execute();
}

async function insertComponents(trx: Tx, resources: { id: string; resource: ResourceRecord }[]) {
  const rows = resources.flatMap(({ id, resource }) =>
    resource.componentIds.map((componentId) => ({ resource_id: id, component_id: componentId })),
  );
  for (const chunk of chunks(rows)) await trx.insertInto('resource_components').values(chunk).execute();
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += batchSize) yield items.slice(i, i + batchSize);
}
