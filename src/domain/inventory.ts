/**
 * @module Checks an inventory CSV (already split into records by `csv.ts`) against the catalog and
 * turns it into customers, contacts, contracts and resources. One row per resource; customer,
 * contact and contract columns are repeated on each row and must agree (docs/INVENTORY.md).
 * Every problem names its line; a row with any problem is "bad" as a whole, so that
 * `--skip-bad-rows` can leave it out without importing half of it.
 */
import type { CsvRecord } from './csv.ts';
import { RowMerger } from './inventory-merge.ts';

export const customerKinds = ['partner', 'customer'] as const;
export const resourceKinds = ['phone_number', 'trunk', 'cloud', 'line'] as const;
export const contactLanguages = ['de', 'en'] as const;

/** The fixed columns; any other header must be an identifier key of a catalog service. */
export const inventoryColumns = [
  'customer_id',
  'customer_name',
  'customer_kind',
  'contact_name',
  'contact_email',
  'contact_phone',
  'contact_language',
  'contract_id',
  'service',
  'resource_kind',
  'resource_value',
  'components',
] as const;
const requiredColumns = ['customer_id', 'customer_name', 'customer_kind'] as const;
type Column = (typeof inventoryColumns)[number];

export interface InventoryCatalog {
  /** Service id → the identifier keys its catalog entry defines. */
  services: ReadonlyMap<string, readonly string[]>;
  componentIds: ReadonlySet<string>;
}

export interface CustomerRecord {
  externalId: string;
  name: string;
  kind: string;
}
export interface ContactRecord {
  customerExternalId: string;
  name: string;
  /** Lowercase. */
  email: string;
  /** E.164 without spaces, or empty. */
  phone: string;
  language: string;
}
export interface ContractRecord {
  externalId: string;
  customerExternalId: string;
  serviceId: string;
  /** As written (trimmed); empty values left out. */
  identifiers: Record<string, string>;
}
export interface ResourceRecord {
  contractExternalId: string;
  kind: string;
  /** Normalised: E.164 without spaces for phone numbers, trimmed otherwise. */
  value: string;
  /** Sorted, without duplicates. */
  componentIds: string[];
}

export interface Inventory {
  customers: CustomerRecord[];
  contacts: ContactRecord[];
  contracts: ContractRecord[];
  resources: ResourceRecord[];
}

export interface InventoryError {
  /** Line of the file (1 = header). */
  line: number;
  /** The column concerned, when there is one. */
  column?: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface CheckedInventory {
  inventory: Inventory;
  errors: InventoryError[];
  /** Data rows in the file. */
  rows: number;
  /** Lines of rows left out for their errors. */
  badLines: number[];
  /** When true the file as a whole is unusable (header, empty): nothing may be imported. */
  fatal: boolean;
  /** Customers and contracts named in bad rows: never deleted by a full import that skips them. */
  untouchable: { customers: string[]; contracts: string[] };
}

/** How identifiers are compared: case, surrounding and inner spaces do not matter. */
export const normalizeIdentifier = (value: string): string => value.trim().toLowerCase().replace(/\s+/g, '');

/** `+49 355 1234-567` → `+493551234567`; null when it is not an international (E.164) number. */
export function normalizeE164(value: string): string | null {
  const compact = value.trim().replace(/[\s\-/().]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const controlChars = /[\u0000-\u001f\u007f]/;
const limits: Partial<Record<Column, number>> = {
  customer_id: 100,
  contract_id: 100,
  customer_name: 200,
  contact_name: 200,
  contact_email: 254,
  resource_value: 200,
};

export function checkInventory(records: readonly CsvRecord[], catalog: InventoryCatalog): CheckedInventory {
  const [header, ...rows] = records;
  const empty: Inventory = { customers: [], contacts: [], contracts: [], resources: [] };
  const fatal = (errors: InventoryError[]): CheckedInventory => ({
    inventory: empty,
    errors,
    rows: rows.length,
    badLines: [],
    fatal: true,
    untouchable: { customers: [], contracts: [] },
  });
  if (!header) return fatal([{ line: 1, key: 'inventory.error.empty' }]);
  const headerErrors = checkHeader(header, catalog);
  if (headerErrors.length > 0) return fatal(headerErrors);
  if (rows.length === 0) return fatal([{ line: 2, key: 'inventory.error.noRows' }]);

  const names = header.fields.map((f) => f.trim());
  const merger = new RowMerger();
  const errors: InventoryError[] = [];
  const badLines: number[] = [];
  const untouchable = { customers: new Set<string>(), contracts: new Set<string>() };
  for (const record of rows) {
    const parsed = parseRow(record, names, catalog);
    const rowErrors = parsed.errors.length > 0 ? parsed.errors : merger.add(record.line, parsed.row);
    if (rowErrors.length === 0) continue;
    errors.push(...rowErrors);
    badLines.push(record.line);
    const value = (column: Column) => record.fields[names.indexOf(column)]?.trim() ?? '';
    if (value('customer_id')) untouchable.customers.add(value('customer_id'));
    if (value('contract_id')) untouchable.contracts.add(value('contract_id'));
  }
  return {
    inventory: merger.inventory(),
    errors,
    rows: rows.length,
    badLines,
    fatal: false,
    untouchable: { customers: [...untouchable.customers], contracts: [...untouchable.contracts] },
  };
}

function checkHeader(header: CsvRecord, catalog: InventoryCatalog): InventoryError[] {
  const identifierKeys = new Set([...catalog.services.values()].flat());
  const errors: InventoryError[] = [];
  const seen = new Set<string>();
  for (const raw of header.fields) {
    const name = raw.trim();
    if (seen.has(name)) errors.push({ line: 1, column: name, key: 'inventory.error.duplicateColumn' });
    seen.add(name);
    if (!(inventoryColumns as readonly string[]).includes(name) && !identifierKeys.has(name)) {
      errors.push({ line: 1, column: name, key: 'inventory.error.unknownColumn', params: { name } });
    }
  }
  for (const name of requiredColumns) {
    if (!seen.has(name))
      errors.push({ line: 1, column: name, key: 'inventory.error.missingColumn', params: { name } });
  }
  return errors;
}

export interface ParsedRow {
  customer: CustomerRecord;
  contact: ContactRecord | null;
  contract: ContractRecord | null;
  resource: ResourceRecord | null;
}

function parseRow(
  record: CsvRecord,
  names: readonly string[],
  catalog: InventoryCatalog,
): { row: ParsedRow; errors: InventoryError[] } {
  const { line } = record;
  const errors: InventoryError[] = [];
  const fail = (column: string | undefined, key: string, params?: Record<string, string | number>) => {
    errors.push({ line, ...(column ? { column } : {}), key, ...(params ? { params } : {}) });
  };
  if (record.fields.length !== names.length) {
    fail(undefined, 'inventory.error.fieldCount', { expected: names.length, found: record.fields.length });
  }
  const cell = new Map(names.map((n, i) => [n, (record.fields[i] ?? '').trim()]));
  const get = (column: Column): string => {
    const v = cell.get(column) ?? '';
    const max = limits[column] ?? 500;
    if (v.length > max) fail(column, 'inventory.error.tooLong', { max });
    else if (controlChars.test(v)) fail(column, 'inventory.error.controlCharacter');
    return v;
  };
  const required = (column: Column, v: string) => {
    if (!v) fail(column, 'inventory.error.required');
    return v;
  };
  const oneOf = (column: Column, v: string, allowed: readonly string[]) => {
    if (v && !allowed.includes(v))
      fail(column, 'inventory.error.notAllowed', { value: v, allowed: allowed.join(', ') });
    return v;
  };

  const customer = {
    externalId: required('customer_id', get('customer_id')),
    name: required('customer_name', get('customer_name')),
    kind: oneOf('customer_kind', required('customer_kind', get('customer_kind')), customerKinds),
  };
  const contact = parseContact(customer.externalId, get, required, oneOf, fail);
  const contract = parseContract(customer.externalId, cell, names, get, catalog, fail);
  const resource = parseResource(contract, get, required, oneOf, catalog, fail);
  return { row: { customer, contact, contract, resource }, errors };
}

type Get = (column: Column) => string;
type Check = (column: Column, v: string) => string;
type OneOf = (column: Column, v: string, allowed: readonly string[]) => string;
type Fail = (column: string | undefined, key: string, params?: Record<string, string | number>) => void;

function parseContact(
  customer: string,
  get: Get,
  required: Check,
  oneOf: OneOf,
  fail: Fail,
): ContactRecord | null {
  const [name, email, phone, language] = [
    get('contact_name'),
    get('contact_email'),
    get('contact_phone'),
    get('contact_language'),
  ];
  if (!name && !email && !phone && !language) return null;
  required('contact_name', name);
  if (required('contact_email', email) && !emailPattern.test(email)) {
    fail('contact_email', 'inventory.error.email', { value: email });
  }
  const e164 = phone ? normalizeE164(phone) : '';
  if (e164 === null) fail('contact_phone', 'inventory.error.e164', { value: phone });
  oneOf('contact_language', language, contactLanguages);
  return {
    customerExternalId: customer,
    name,
    email: email.toLowerCase(),
    phone: e164 ?? '',
    language: language || 'de',
  };
}

function parseContract(
  customer: string,
  cell: ReadonlyMap<string, string>,
  names: readonly string[],
  get: Get,
  catalog: InventoryCatalog,
  fail: Fail,
): ContractRecord | null {
  const externalId = get('contract_id');
  const serviceId = get('service');
  const identifierColumns = names.filter((n) => !(inventoryColumns as readonly string[]).includes(n));
  const given = identifierColumns.filter((n) => cell.get(n));
  if (!externalId) {
    for (const column of [...(serviceId ? ['service'] : []), ...given])
      fail(column, 'inventory.error.needsContract');
    return null;
  }
  const keys = catalog.services.get(serviceId);
  if (!serviceId) fail('service', 'inventory.error.required');
  else if (!keys) fail('service', 'inventory.error.unknownService', { value: serviceId });
  const identifiers: Record<string, string> = {};
  for (const key of given) {
    const value = cell.get(key) ?? '';
    if (keys && !keys.includes(key))
      fail(key, 'inventory.error.identifierNotOfService', { key, service: serviceId });
    else if (value.length > 200) fail(key, 'inventory.error.tooLong', { max: 200 });
    else if (controlChars.test(value)) fail(key, 'inventory.error.controlCharacter');
    identifiers[key] = value;
  }
  return { externalId, customerExternalId: customer, serviceId, identifiers };
}

function parseResource(
  contract: ContractRecord | null,
  get: Get,
  required: Check,
  oneOf: OneOf,
  catalog: InventoryCatalog,
  fail: Fail,
): ResourceRecord | null {
  const [kind, raw, components] = [get('resource_kind'), get('resource_value'), get('components')];
  if (!kind && !raw && !components) return null;
  if (!contract) fail('resource_kind', 'inventory.error.resourceNeedsContract');
  oneOf('resource_kind', required('resource_kind', kind), resourceKinds);
  let value = required('resource_value', raw);
  if (kind === 'phone_number' && raw) {
    const e164 = normalizeE164(raw);
    if (e164 === null) fail('resource_value', 'inventory.error.e164', { value: raw });
    value = e164 ?? raw;
  }
  const ids = [...new Set(components.split(/[\s;|]+/).filter(Boolean))].sort();
  if (ids.length === 0) fail('components', 'inventory.error.required');
  for (const id of ids) {
    if (!catalog.componentIds.has(id)) fail('components', 'inventory.error.unknownComponent', { value: id });
  }
  return { contractExternalId: contract?.externalId ?? '', kind, value, componentIds: ids };
}
