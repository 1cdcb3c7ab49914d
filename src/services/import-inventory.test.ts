import { readFile } from 'node:fs/promises';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { applyCatalog } from './apply-catalog.ts';
import { findContract } from './find-contract.ts';
import { hasContractsFor } from './has-contracts-for.ts';
import { importInventory } from './import-inventory.ts';
import { listAffectedResources } from './list-affected-resources.ts';

const root = new URL('../../', import.meta.url);
const example = await readFile(new URL('catalog/inventory-example.csv', root), 'utf8');
const header = example.slice(0, example.indexOf('\n'));

describeEachStore('inventory import', (getStore) => {
  const ctx = () => testContext(getStore());
  const counts = async () => {
    const db = getStore().db;
    const n = async (t: 'customers' | 'contacts' | 'contracts' | 'resources' | 'contract_identifiers') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      customers: await n('customers'),
      contacts: await n('contacts'),
      contracts: await n('contracts'),
      resources: await n('resources'),
      identifiers: await n('contract_identifiers'),
    };
  };
  const audits = async () =>
    getStore().db.selectFrom('audit_log').selectAll().where('action', '=', 'inventory.import').execute();

  beforeAll(async () => {
    const parsed = parseCatalogFile(await readFile(new URL('catalog/demo.yaml', root), 'utf8'));
    if (!parsed.ok) throw new Error('demo catalog invalid');
    await applyCatalog({ ctx: ctx(), input: { document: parsed.document } });
  });
  beforeEach(async () => {
    await getStore().db.deleteFrom('customers').execute();
    await getStore().db.deleteFrom('audit_log').execute();
  });

  it('dry-runs the example without writing, imports it, and re-imports it as a no-op', async () => {
    const dry = await importInventory({ ctx: ctx(), input: { text: example, dryRun: true } });
    expect(dry).toMatchObject({ rows: 8, accepted: true, written: false, errors: [] });
    expect(dry.counts.resources).toEqual({ create: 7, update: 0, delete: 0 });
    expect(await counts()).toEqual({ customers: 0, contacts: 0, contracts: 0, resources: 0, identifiers: 0 });

    const done = await importInventory({ ctx: ctx(), input: { text: example, source: 'example.csv' } });
    expect(done.written).toBe(true);
    expect(done.counts).toEqual(dry.counts);
    expect(await counts()).toEqual({ customers: 3, contacts: 4, contracts: 4, resources: 7, identifiers: 4 });
    const [audit] = await audits();
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({
      source: 'example.csv',
      rows: 8,
      skippedLines: [],
    });

    const again = await importInventory({ ctx: ctx(), input: { text: example } });
    expect(again.written).toBe(false);
    expect(Object.values(again.counts).every((c) => c.create + c.update + c.delete === 0)).toBe(true);
    expect(await audits()).toHaveLength(1);
  });

  it('updates what changed, moves a number, and deletes what the file leaves out', async () => {
    await importInventory({ ctx: ctx(), input: { text: example } });
    const changed = example
      .replace('Elektro Beispiel GmbH', 'Elektro Beispiel AG')
      .replaceAll(
        'V-2001,connect,,SF-LIC-4711-AB,,,phone_number,+49 30 1234567 11',
        'V-2009,connect,,SF-LIC-0001,,,phone_number,+49 30 1234567 11',
      )
      .split('\n')
      .filter((l) => !l.startsWith('P-0500') || l.includes('V-3001'))
      .join('\n');
    const r = await importInventory({ ctx: ctx(), input: { text: changed } });
    expect(r.counts).toEqual({
      customers: { create: 0, update: 1, delete: 0 },
      contacts: { create: 0, update: 0, delete: 0 },
      contracts: { create: 1, update: 0, delete: 1 },
      resources: { create: 0, update: 1, delete: 1 },
    });
    const moved = await listAffectedResources(getStore().db, { componentIds: ['sip-trunk'] });
    expect(moved.map((a) => [a.contract.externalId, a.resource.value])).toEqual([
      ['V-2001', '+4930123456710'],
      ['V-2001', 'trunk-muster-1'],
      ['V-2009', '+4930123456711'],
    ]);
    expect(
      await findContract(getStore().db, { serviceId: 'fax', identifiers: { faxNumber: '+49 355 1234568' } }),
    ).toBeNull();
  });

  it('refuses a file with errors as a whole, listing them by line; --skip-bad-rows imports the rest', async () => {
    const text = [
      header,
      'K-1,Eins,customer,,,,,V-1,connect,,LIC-1,,,phone_number,+49 30 111111,sip-trunk',
      'K-2,Zwei,customer,,,,,V-2,connect,,LIC-2,,,phone_number,030 222222,sip-trunk',
      'K-3,Drei,customer,,,,,V-3,dsl,,,DSL-3,,line,DSL-3,no-such-component',
    ].join('\r\n');
    const refused = await importInventory({ ctx: ctx(), input: { text } });
    expect(refused).toMatchObject({ accepted: false, written: false, badLines: [3, 4] });
    expect(refused.errors.map((e) => [e.line, e.column, e.key])).toEqual([
      [3, 'resource_value', 'inventory.error.e164'],
      [4, 'components', 'inventory.error.unknownComponent'],
    ]);
    expect((await counts()).customers).toBe(0);

    const skipped = await importInventory({ ctx: ctx(), input: { text, skipBadRows: true } });
    expect(skipped).toMatchObject({ accepted: true, written: true, badLines: [3, 4] });
    expect(await counts()).toMatchObject({ customers: 1, contracts: 1, resources: 1 });
    const [audit] = await audits();
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ skippedLines: [3, 4], skippedCount: 2 });
  });

  it('keeps what a skipped row names when the rest of the file is imported', async () => {
    await importInventory({ ctx: ctx(), input: { text: example } });
    const broken = example.replace('V-2002,dsl,,,DSL-2026-0815,,line', 'V-2002,dsl,,,DSL-2026-0815,,wire');
    const r = await importInventory({ ctx: ctx(), input: { text: broken, skipBadRows: true } });
    expect(r.badLines).toEqual([6]);
    expect(Object.values(r.counts).every((c) => c.delete === 0)).toBe(true);
    expect(
      await findContract(getStore().db, {
        serviceId: 'dsl',
        identifiers: { dslOrderNumber: 'dsl-2026-0815' },
      }),
    ).toMatchObject({
      externalId: 'V-2002',
      customer: { externalId: 'K-1001' },
    });
  });

  it('finds contracts by identifiers of their service only, ignoring case and spaces', async () => {
    const db = getStore().db;
    expect(await hasContractsFor(db, 'dsl')).toBe(false);
    await importInventory({ ctx: ctx(), input: { text: example } });
    expect(await hasContractsFor(db, 'dsl')).toBe(true);
    expect(await hasContractsFor(db, 'push')).toBe(false);
    expect(
      await findContract(db, {
        serviceId: 'cloud',
        identifiers: { cloudName: ' MaxMuster.Beispiel-Cloud.de' },
      }),
    ).toEqual({
      id: expect.any(String),
      externalId: 'V-3001',
      serviceId: 'cloud',
      identifiers: { cloudName: 'maxmuster.beispiel-cloud.de' },
      customer: {
        id: expect.any(String),
        externalId: 'P-0500',
        name: 'Systemhaus Nord GmbH',
        kind: 'partner',
      },
    });
    expect(
      await findContract(db, { serviceId: 'connect', identifiers: { serverLicence: 'sf-lic-4711-ab' } }),
    ).toMatchObject({
      externalId: 'V-2001',
    });
    expect(
      await findContract(db, { serviceId: 'dsl', identifiers: { serverLicence: 'SF-LIC-4711-AB' } }),
    ).toBeNull();
    expect(
      await findContract(db, {
        serviceId: 'dsl',
        identifiers: { serverLicence: '', dslOrderNumber: 'DSL-2026-0815' },
      }),
    ).toMatchObject({ externalId: 'V-2002' });
    // The inventory does not know this line's licence: not held against it.
    expect(
      await findContract(db, {
        serviceId: 'dsl',
        identifiers: { serverLicence: 'unknown', dslOrderNumber: 'DSL-2026-0815' },
      }),
    ).toMatchObject({ externalId: 'V-2002' });
    expect(await findContract(db, { serviceId: 'dsl', identifiers: {} })).toBeNull();
  });

  it('prefers the contract with more matching identifiers and refuses a contradicting one', async () => {
    const row = (contract: string, licence: string, order: string) =>
      `K-1,Eins,customer,,,,,${contract},dsl,,${licence},${order},,,,`;
    const text = [header, row('V-1', 'L-1', 'O-1'), row('V-2', 'L-1', 'O-2'), row('V-3', '', 'O-3')].join(
      '\n',
    );
    expect((await importInventory({ ctx: ctx(), input: { text } })).accepted).toBe(true);
    const find = async (identifiers: Record<string, string>) =>
      (await findContract(getStore().db, { serviceId: 'dsl', identifiers }))?.externalId ?? null;
    expect(await find({ serverLicence: 'L-1' })).toBe('V-1');
    expect(await find({ serverLicence: 'L-1', dslOrderNumber: 'O-2' })).toBe('V-2');
    expect(await find({ serverLicence: 'L-1', dslOrderNumber: 'O-3' })).toBe('V-3');
    expect(await find({ serverLicence: 'L-2', dslOrderNumber: 'O-1' })).toBeNull();
    expect(await find({ dslOrderNumber: 'O-4' })).toBeNull();
  });

  it('lists the resources on given components with their contracts and customers', async () => {
    await importInventory({ ctx: ctx(), input: { text: example } });
    const affected = await listAffectedResources(getStore().db, {
      componentIds: ['media-cottbus', 'fax-gateway'],
    });
    expect(
      affected.map((a) => [
        a.customer.externalId,
        a.contract.externalId,
        a.resource.kind,
        a.resource.value,
        a.resource.componentIds,
      ]),
    ).toEqual([
      ['P-0500', 'V-3001', 'phone_number', '+493551234567', ['media-cottbus']],
      ['P-0500', 'V-3002', 'phone_number', '+493551234568', ['fax-gateway', 'media-cottbus']],
    ]);
    expect(await listAffectedResources(getStore().db, { componentIds: ['dns'] })).toEqual([]);
    expect(await listAffectedResources(getStore().db, { componentIds: [] })).toEqual([]);
  });

  it('imports a 10 000-row file in batches, and re-imports it without changes', {
    timeout: 60_000,
  }, async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const customer = `K-${String(Math.floor(i / 4)).padStart(5, '0')}`;
      const contract = `V-${String(Math.floor(i / 2)).padStart(5, '0')}`;
      return `${customer},Kunde ${customer},customer,,,,,${contract},connect,,LIC-${contract},,,phone_number,+49 30 ${5_000_000 + i},sip-trunk sbc-fra`;
    });
    const text = [header, ...rows].join('\n');
    let progress = 0;
    const r = await importInventory({ ctx: ctx(), input: { text, onProgress: (done) => (progress = done) } });
    expect(r.counts.resources.create).toBe(10_000);
    expect(progress).toBe(2_500 + 5_000 + 10_000);
    expect(await counts()).toEqual({
      customers: 2_500,
      contacts: 0,
      contracts: 5_000,
      resources: 10_000,
      identifiers: 5_000,
    });
    expect((await importInventory({ ctx: ctx(), input: { text } })).written).toBe(false);
    expect(await listAffectedResources(getStore().db, { componentIds: ['sbc-fra'] })).toHaveLength(10_000);
  });
});
