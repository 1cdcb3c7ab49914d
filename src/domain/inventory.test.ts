import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { checkInventory, type InventoryCatalog, normalizeE164, normalizeIdentifier } from './inventory.ts';
import { diffInventory, formatInventoryChanges } from './inventory-diff.ts';

const catalog: InventoryCatalog = {
  services: new Map([
    ['cloud', ['cloudName']],
    ['dsl', ['serverLicence', 'dslOrderNumber']],
    ['connect', ['serverLicence']],
  ]),
  componentIds: new Set(['pbx-cloud', 'dsl-access', 'sip-trunk', 'media-cottbus']),
};
const header =
  'customer_id,customer_name,customer_kind,contact_name,contact_email,contact_phone,contact_language,contract_id,service,cloudName,serverLicence,dslOrderNumber,resource_kind,resource_value,components';

function check(...rows: string[]) {
  const parsed = parseCsv([header, ...rows].join('\n'));
  if (!parsed.ok) throw new Error(parsed.key);
  return checkInventory(parsed.records, catalog);
}

describe('checkInventory', () => {
  it('builds customers, contacts, contracts and resources from repeated rows', () => {
    const r = check(
      'K-1,Muster,customer,Maria,Maria@Muster.example,+49 30 123456,de,V-1,dsl,,,DSL-1,line,DSL-1,dsl-access',
      'K-1,Muster,customer,Maria,maria@muster.example,+4930123456,de,V-2,connect,,LIC-9,,phone_number,+49 30 123456-7,sip-trunk media-cottbus',
      'K-1,Muster,customer,,,,,V-2,connect,,,,phone_number,+49 30 1234568,sip-trunk',
      'P-1,Partner AG,partner,,,,,,,,,,,,',
    );
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(4);
    expect(r.inventory.customers).toEqual([
      { externalId: 'K-1', name: 'Muster', kind: 'customer' },
      { externalId: 'P-1', name: 'Partner AG', kind: 'partner' },
    ]);
    expect(r.inventory.contacts).toEqual([
      {
        customerExternalId: 'K-1',
        name: 'Maria',
        email: 'maria@muster.example',
        phone: '+4930123456',
        language: 'de',
      },
    ]);
    expect(r.inventory.contracts).toEqual([
      {
        externalId: 'V-1',
        customerExternalId: 'K-1',
        serviceId: 'dsl',
        identifiers: { dslOrderNumber: 'DSL-1' },
      },
      {
        externalId: 'V-2',
        customerExternalId: 'K-1',
        serviceId: 'connect',
        identifiers: { serverLicence: 'LIC-9' },
      },
    ]);
    expect(r.inventory.resources.map((x) => [x.contractExternalId, x.kind, x.value, x.componentIds])).toEqual(
      [
        ['V-1', 'line', 'DSL-1', ['dsl-access']],
        ['V-2', 'phone_number', '+49301234567', ['media-cottbus', 'sip-trunk']],
        ['V-2', 'phone_number', '+49301234568', ['sip-trunk']],
      ],
    );
  });

  it('names the line and column of every problem and marks the row bad', () => {
    const r = check(
      ',Muster,client,,,,,,,,,,,,',
      'K-2,Zwei,customer,Hans,not-an-email,0355 123,fr,V-3,voip,,,,,,',
      'K-3,Drei,customer,,,,,V-4,cloud,,LIC-1,,phone_number,0355 1234,nope',
      'K-4,Vier,customer,,,,,,,x.example,,,trunk,t-1,sip-trunk',
      'K-5,Fünf,customer',
      'K-6,"Sechs\nZeilen",customer,,,,,V-6,cloud,"a\tb",,,,,',
    );
    const at = (line: number) => r.errors.filter((e) => e.line === line).map((e) => [e.column, e.key]);
    expect(at(2)).toEqual([
      ['customer_id', 'inventory.error.required'],
      ['customer_kind', 'inventory.error.notAllowed'],
    ]);
    expect(at(3)).toEqual([
      ['contact_email', 'inventory.error.email'],
      ['contact_phone', 'inventory.error.e164'],
      ['contact_language', 'inventory.error.notAllowed'],
      ['service', 'inventory.error.unknownService'],
    ]);
    expect(at(4)).toEqual([
      ['serverLicence', 'inventory.error.identifierNotOfService'],
      ['resource_value', 'inventory.error.e164'],
      ['components', 'inventory.error.unknownComponent'],
    ]);
    expect(at(5)).toEqual([
      ['cloudName', 'inventory.error.needsContract'],
      ['resource_kind', 'inventory.error.resourceNeedsContract'],
    ]);
    expect(r.errors.find((e) => e.line === 6)).toMatchObject({
      key: 'inventory.error.fieldCount',
      params: { expected: 15, found: 3 },
    });
    expect(at(7)).toEqual([
      ['customer_name', 'inventory.error.controlCharacter'],
      ['cloudName', 'inventory.error.controlCharacter'],
    ]);
    expect(r.badLines).toEqual([2, 3, 4, 5, 6, 7]);
    expect(r.fatal).toBe(false);
    expect(r.inventory.customers).toEqual([]);
    expect(r.untouchable).toEqual({
      customers: ['K-2', 'K-3', 'K-4', 'K-5', 'K-6'],
      contracts: ['V-3', 'V-4', 'V-6'],
    });
  });

  it('refuses a later row that contradicts an earlier one, keeping the earlier', () => {
    const r = check(
      'K-1,Muster,customer,,,,,V-1,cloud,a.example,,,cloud,a.example,pbx-cloud',
      'K-1,Muster GmbH,customer,,,,,,,,,,,,',
      'K-2,Zwei,customer,,,,,V-1,cloud,a.example,,,,,',
      'K-1,Muster,customer,,,,,V-1,cloud,b.example,,,,,',
      'K-1,Muster,customer,,,,,V-1,cloud,,,,cloud,a.example,pbx-cloud',
    );
    expect(r.errors.map((e) => [e.line, e.key, e.params])).toEqual([
      [3, 'inventory.error.customerDiffers', { id: 'K-1', line: 2 }],
      [4, 'inventory.error.contractDiffers', { id: 'V-1', line: 2 }],
      [5, 'inventory.error.contractDiffers', { id: 'V-1', line: 2 }],
      [6, 'inventory.error.duplicateResource', { id: 'a.example', line: 2 }],
    ]);
    expect(r.inventory.contracts).toHaveLength(1);
  });

  it('refuses the whole file for a bad header or no rows', () => {
    const parse = (text: string) => {
      const p = parseCsv(text);
      if (!p.ok) throw new Error(p.key);
      return checkInventory(p.records, catalog);
    };
    expect(
      parse('customer_id,customer_name,customer_kind,faxNumber,customer_id\nK,N,customer,1,K\n'),
    ).toMatchObject({
      fatal: true,
      errors: [
        { line: 1, column: 'faxNumber', key: 'inventory.error.unknownColumn' },
        { line: 1, column: 'customer_id', key: 'inventory.error.duplicateColumn' },
      ],
    });
    expect(parse('customer_id,customer_name\n').errors).toEqual([
      {
        line: 1,
        column: 'customer_kind',
        key: 'inventory.error.missingColumn',
        params: { name: 'customer_kind' },
      },
    ]);
    expect(parse(`${header}\n`).errors).toEqual([{ line: 2, key: 'inventory.error.noRows' }]);
    expect(parse('').errors).toEqual([{ line: 1, key: 'inventory.error.empty' }]);
  });
});

describe('normalising', () => {
  it('writes numbers as compact E.164 and refuses national ones', () => {
    expect(normalizeE164(' +49 (355) 123-45/67 ')).toBe('+493551234567');
    expect(normalizeE164('0355 1234567')).toBeNull();
    expect(normalizeE164('+0 355 1234567')).toBeNull();
    expect(normalizeE164('+49 355 1234567 1234567')).toBeNull();
  });
  it('compares identifiers without case and spaces', () => {
    expect(normalizeIdentifier(' MaxMuster.Beispiel-Cloud.de ')).toBe('maxmuster.beispiel-cloud.de');
    expect(normalizeIdentifier('LIC 4711 ab')).toBe('lic4711ab');
  });
});

describe('diffInventory', () => {
  it('creates, updates and deletes by natural key, and keeps what bad rows name', () => {
    const stored = {
      customers: [
        { id: 'c1', externalId: 'K-1', name: 'Alt', kind: 'customer' },
        { id: 'c2', externalId: 'K-2', name: 'Zwei', kind: 'customer' },
        { id: 'c3', externalId: 'K-3', name: 'Drei', kind: 'customer' },
      ],
      contacts: [],
      contracts: [
        { id: 'k3', externalId: 'V-3', customerExternalId: 'K-3', serviceId: 'cloud', identifiers: {} },
      ],
      resources: [
        { id: 'r1', contractExternalId: 'V-3', kind: 'cloud', value: 'x', componentIds: ['pbx-cloud'] },
      ],
    };
    const incoming = {
      customers: [
        { externalId: 'K-1', name: 'Neu', kind: 'customer' },
        { externalId: 'K-4', name: 'Vier', kind: 'partner' },
      ],
      contacts: [],
      contracts: [],
      resources: [],
    };
    const full = diffInventory(stored, incoming);
    expect(full.customers).toEqual({
      create: [{ externalId: 'K-4', name: 'Vier', kind: 'partner' }],
      update: [{ id: 'c1', externalId: 'K-1', name: 'Neu', kind: 'customer' }],
      delete: [stored.customers[1], stored.customers[2]],
    });
    expect(full.resources.delete).toHaveLength(1);
    expect(formatInventoryChanges(full)).toEqual([
      '+ customer K-4',
      '~ customer K-1',
      '- customer K-2',
      '- customer K-3',
      '- contract V-3',
      '- resource cloud x',
    ]);
    const kept = diffInventory(stored, incoming, { customers: [], contracts: ['V-3'] });
    expect(kept.customers.delete.map((c) => c.externalId)).toEqual(['K-2']);
    expect(kept.contracts.delete).toEqual([]);
    expect(kept.resources.delete).toEqual([]);
  });
});
