/**
 * @module What an inventory import changes: the file is the full inventory, so what it adds is
 * created, what it changes is updated and what it leaves out is deleted — except what belongs to
 * a customer or contract named in a row that was skipped for its errors (that row may have been
 * the only mention; deleting would turn a typo into a lost customer).
 *
 * Records are matched by their natural keys: customers and contracts by external id, contacts by
 * customer and email, resources by kind and value (a number can move to another contract).
 */
import type {
  ContactRecord,
  ContractRecord,
  CustomerRecord,
  Inventory,
  ResourceRecord,
} from './inventory.ts';

export type Stored<T> = T & { id: string };

export interface StoredInventory {
  customers: Stored<CustomerRecord>[];
  contacts: Stored<ContactRecord>[];
  contracts: Stored<ContractRecord>[];
  resources: Stored<ResourceRecord>[];
}

export interface Changes<T> {
  create: T[];
  update: Stored<T>[];
  delete: Stored<T>[];
}

export interface InventoryChanges {
  customers: Changes<CustomerRecord>;
  contacts: Changes<ContactRecord>;
  contracts: Changes<ContractRecord>;
  resources: Changes<ResourceRecord>;
}

export const inventoryKinds = ['customers', 'contacts', 'contracts', 'resources'] as const;

export const customerKey = (c: CustomerRecord) => c.externalId;
export const contactKey = (c: ContactRecord) => `${c.customerExternalId}\u0000${c.email}`;
export const contractKey = (c: ContractRecord) => c.externalId;
export const resourceKey = (r: ResourceRecord) => `${r.kind}\u0000${r.value}`;

export function diffInventory(
  stored: StoredInventory,
  incoming: Inventory,
  untouchable: { customers: readonly string[]; contracts: readonly string[] } = {
    customers: [],
    contracts: [],
  },
): InventoryChanges {
  const keptCustomers = new Set(untouchable.customers);
  const keptContracts = new Set(untouchable.contracts);
  for (const c of stored.contracts)
    if (keptCustomers.has(c.customerExternalId)) keptContracts.add(c.externalId);
  // A kept contract keeps its customer too (deleting the customer would cascade to it).
  for (const c of stored.contracts)
    if (keptContracts.has(c.externalId)) keptCustomers.add(c.customerExternalId);
  return {
    customers: diff(stored.customers, incoming.customers, customerKey, sameCustomer, (c) =>
      keptCustomers.has(c.externalId),
    ),
    contacts: diff(stored.contacts, incoming.contacts, contactKey, sameContact, (c) =>
      keptCustomers.has(c.customerExternalId),
    ),
    contracts: diff(stored.contracts, incoming.contracts, contractKey, sameContract, (c) =>
      keptContracts.has(c.externalId),
    ),
    resources: diff(stored.resources, incoming.resources, resourceKey, sameResource, (r) =>
      keptContracts.has(r.contractExternalId),
    ),
  };
}

export const countChanges = (changes: InventoryChanges): number =>
  inventoryKinds.reduce(
    (n, k) => n + changes[k].create.length + changes[k].update.length + changes[k].delete.length,
    0,
  );

function diff<T>(
  stored: readonly Stored<T>[],
  incoming: readonly T[],
  key: (x: T) => string,
  same: (a: T, b: T) => boolean,
  kept: (x: T) => boolean,
): Changes<T> {
  const byKey = new Map(stored.map((s) => [key(s), s]));
  const seen = new Set<string>();
  const changes: Changes<T> = { create: [], update: [], delete: [] };
  for (const record of incoming) {
    const k = key(record);
    seen.add(k);
    const existing = byKey.get(k);
    if (!existing) changes.create.push(record);
    else if (!same(existing, record)) changes.update.push({ ...record, id: existing.id });
  }
  for (const s of stored) if (!seen.has(key(s)) && !kept(s)) changes.delete.push(s);
  return changes;
}

const sameCustomer = (a: CustomerRecord, b: CustomerRecord) => a.name === b.name && a.kind === b.kind;
const sameContact = (a: ContactRecord, b: ContactRecord) =>
  a.name === b.name && a.phone === b.phone && a.language === b.language;
const sameContract = (a: ContractRecord, b: ContractRecord) =>
  a.customerExternalId === b.customerExternalId &&
  a.serviceId === b.serviceId &&
  canonical(a.identifiers) === canonical(b.identifiers);
const sameResource = (a: ResourceRecord, b: ResourceRecord) =>
  a.contractExternalId === b.contractExternalId && a.componentIds.join(' ') === b.componentIds.join(' ');

/** Key order does not make two identifier sets different. */
export const canonical = (identifiers: Record<string, string>): string =>
  JSON.stringify(
    Object.fromEntries(Object.entries(identifiers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  );

/** One line per change, like the catalog's: `+ contract V-2009`, `~ customer K-1001`, `- resource phone_number +493551234568`. */
export function formatInventoryChanges(changes: InventoryChanges): string[] {
  const label = {
    customers: (c: CustomerRecord) => `customer ${c.externalId}`,
    contacts: (c: ContactRecord) => `contact ${c.customerExternalId} ${c.email}`,
    contracts: (c: ContractRecord) => `contract ${c.externalId}`,
    resources: (r: ResourceRecord) => `resource ${r.kind} ${r.value}`,
  };
  const lines = (kind: (typeof inventoryKinds)[number]) => {
    const name = label[kind] as (x: unknown) => string;
    const c = changes[kind] as Changes<unknown>;
    return [
      ...c.create.map((x) => `+ ${name(x)}`),
      ...c.update.map((x) => `~ ${name(x)}`),
      ...c.delete.map((x) => `- ${name(x)}`),
    ];
  };
  return inventoryKinds.flatMap(lines);
}
