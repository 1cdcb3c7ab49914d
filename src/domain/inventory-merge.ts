/**
 * @module Gathers the checked rows of an inventory file into records. The file repeats customer,
 * contact and contract columns on every row of that customer or contract: the repetitions must
 * agree, and a row that contradicts an earlier one is refused as a whole (the earlier one stays).
 */
import type {
  ContactRecord,
  ContractRecord,
  CustomerRecord,
  Inventory,
  InventoryError,
  ParsedRow,
  ResourceRecord,
} from './inventory.ts';

/** Gathers good rows; a row that contradicts an earlier one is refused as a whole. */
export class RowMerger {
  private customers = new Map<string, { line: number; record: CustomerRecord }>();
  private contacts = new Map<string, { line: number; record: ContactRecord }>();
  private contracts = new Map<string, { line: number; record: ContractRecord }>();
  private resources = new Map<string, { line: number; record: ResourceRecord }>();

  add(line: number, row: ParsedRow): InventoryError[] {
    const errors: InventoryError[] = [];
    const clash = (column: string, key: string, id: string, first: number) =>
      errors.push({ line, column, key, params: { id, line: first } });
    const customer = this.customers.get(row.customer.externalId);
    if (
      customer &&
      (customer.record.name !== row.customer.name || customer.record.kind !== row.customer.kind)
    ) {
      clash('customer_id', 'inventory.error.customerDiffers', row.customer.externalId, customer.line);
    }
    const contactKey = row.contact && `${row.contact.customerExternalId}\u0000${row.contact.email}`;
    const contact = contactKey ? this.contacts.get(contactKey) : undefined;
    if (contact && row.contact && !sameContact(contact.record, row.contact)) {
      clash('contact_email', 'inventory.error.contactDiffers', row.contact.email, contact.line);
    }
    const contract = row.contract && this.contracts.get(row.contract.externalId);
    if (contract && row.contract && !compatibleContracts(contract.record, row.contract)) {
      clash('contract_id', 'inventory.error.contractDiffers', row.contract.externalId, contract.line);
    }
    const resourceKey = row.resource && `${row.resource.kind}\u0000${row.resource.value}`;
    const resource = resourceKey ? this.resources.get(resourceKey) : undefined;
    if (resource && row.resource) {
      clash('resource_value', 'inventory.error.duplicateResource', row.resource.value, resource.line);
    }
    if (errors.length > 0) return errors;

    if (!customer) this.customers.set(row.customer.externalId, { line, record: row.customer });
    if (contactKey && row.contact && !contact) this.contacts.set(contactKey, { line, record: row.contact });
    if (row.contract) {
      if (contract) Object.assign(contract.record.identifiers, row.contract.identifiers);
      else this.contracts.set(row.contract.externalId, { line, record: row.contract });
    }
    if (resourceKey && row.resource) this.resources.set(resourceKey, { line, record: row.resource });
    return [];
  }

  inventory(): Inventory {
    const records = <T>(m: Map<string, { record: T }>) => [...m.values()].map((x) => x.record);
    return {
      customers: records(this.customers),
      contacts: records(this.contacts),
      contracts: records(this.contracts),
      resources: records(this.resources),
    };
  }
}

const sameContact = (a: ContactRecord, b: ContactRecord) =>
  a.name === b.name && a.phone === b.phone && a.language === b.language;

/** Same customer and service; identifiers may be left empty on later rows but never differ. */
const compatibleContracts = (a: ContractRecord, b: ContractRecord) =>
  a.customerExternalId === b.customerExternalId &&
  a.serviceId === b.serviceId &&
  Object.entries(b.identifiers).every(([k, v]) => a.identifiers[k] === undefined || a.identifiers[k] === v);
