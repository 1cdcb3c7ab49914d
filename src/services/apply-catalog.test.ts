import { readFileSync } from 'node:fs';
import { beforeEach, expect, it } from 'vitest';
import type { Store } from '#src/adapters/store/open-store.ts';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import type { CatalogDocument } from '#src/domain/catalog.ts';
import { formatChange } from '#src/domain/catalog-diff.ts';
import { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { applyCatalog } from './apply-catalog.ts';
import { declareIncident } from './declare-incident.ts';
import { exportCatalog } from './export-catalog.ts';
import { getStatusSnapshot } from './get-status-snapshot.ts';
import { loadCatalog } from './load-catalog.ts';
import { resolveIncident } from './resolve-incident.ts';
import { scheduleMaintenance } from './schedule-maintenance.ts';

const demoText = readFileSync(new URL('../../catalog/demo.yaml', import.meta.url), 'utf8');

function parse(text: string): CatalogDocument {
  const r = parseCatalogFile(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document;
}

async function emptyStore(store: Store) {
  const db = store.db;
  for (const table of [
    'incidents',
    'maintenances',
    'status_intervals',
    'component_services',
    'component_dependencies',
    'components',
    'component_groups',
    'sites',
    'services',
    'hotlines',
    'audit_log',
  ] as const) {
    await db.deleteFrom(table).execute();
  }
}

const small = `
sites:
  - {id: fra, name: Frankfurt}
  - {id: old-dc, name: Altes RZ}
groups:
  - {id: voice, name: {de: Telefonie, en: Voice}}
services:
  - {id: fax, name: Fax, reporters: [partner], identifiers: [{key: faxNumber, label: Faxnummer}]}
components:
  - {id: media-cottbus, name: Mediengateway Cottbus, group: voice, services: [fax]}
  - {id: fax, name: Fax, group: voice, site: fra, services: [fax], dependsOn: [media-cottbus]}
  - {id: sip-trunk, name: {de: SIP-Trunk, en: SIP trunk}, site: old-dc}
hotlines:
  - {id: de, label: Hotline, phone: "+49 30 1234567 0"}
`;

describeEachStore('apply catalog', (getStore) => {
  beforeEach(async () => emptyStore(getStore()));

  it('applies the demo catalog to an empty store, and its export applies as a no-op', async () => {
    const ctx = testContext(getStore());
    const result = await applyCatalog({ ctx, input: { document: parse(demoText) } });
    expect(result.applied).toBe(true);
    expect(result.changes.every((c) => c.op === 'create')).toBe(true);
    expect(result.changes.map(formatChange)).toContain('+ component media-cottbus');

    const catalog = await loadCatalog(getStore().db);
    expect(catalog.components.find((c) => c.id === 'local-numbers-cottbus')).toMatchObject({
      groupId: 'voice',
      siteId: 'cottbus',
      services: ['local-numbers'],
      dependsOn: ['media-cottbus'],
    });
    const dsl = catalog.services.find((s) => s.id === 'dsl')!;
    expect(dsl.reporters).toEqual(['partner', 'customer']);
    expect(dsl.identifiers[1]).toEqual({
      key: 'dslOrderNumber',
      label_de: 'DSL-Bestellnummer',
      label_en: 'DSL order number',
      hint_de: 'steht in der Auftragsbestätigung',
      hint_en: 'printed on the order confirmation',
      required: false,
      oneOf: 'line',
    });
    const intervals = await getStore().db.selectFrom('status_intervals').select('component_id').execute();
    expect(intervals).toHaveLength(catalog.components.length);

    const audit = await getStore().db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'catalog.apply', subject_type: 'catalog' });
    expect(JSON.parse(audit[0]!.detail).changes).toEqual(result.changes.map(formatChange));

    const again = await applyCatalog({ ctx, input: { document: parse(await exportCatalog(getStore().db)) } });
    expect(again).toEqual({ changes: [], applied: false });
    expect(await getStore().db.selectFrom('audit_log').select('id').execute()).toHaveLength(1);
  });

  it('writes nothing on a dry run', async () => {
    const ctx = testContext(getStore());
    const r = await applyCatalog({ ctx, input: { document: parse(small), dryRun: true } });
    expect(r.applied).toBe(false);
    expect(r.changes.map(formatChange)).toEqual([
      '+ site fra',
      '+ site old-dc',
      '+ group voice',
      '+ service fax',
      '+ component media-cottbus',
      '+ component fax',
      '+ component sip-trunk',
      '+ hotline de',
    ]);
    expect(await getStore().db.selectFrom('components').select('id').execute()).toEqual([]);
    expect(await getStore().db.selectFrom('audit_log').select('id').execute()).toEqual([]);
  });

  it('updates, moves and deletes, keeping what did not change', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    await applyCatalog({ ctx, input: { document: parse(small) } });
    clock.advance(3600_000);
    const changed = `
sites:
  - {id: fra, name: Frankfurt}
groups:
  - {id: voice, name: {de: Telefonie, en: Voice}}
services:
  - {id: fax, name: Fax, reporters: [partner], identifiers: [{key: faxNumber, label: Faxnummer}]}
components:
  - {id: fax, name: Fax, group: voice, site: fra, services: [fax]}
  - {id: sip-trunk, name: {de: SIP-Trunk, en: SIP trunks}}
  - {id: media-cottbus, name: Mediengateway Cottbus, group: voice, services: [fax]}
hotlines: []
`;
    const r = await applyCatalog({ ctx, input: { document: parse(changed) } });
    expect(r.changes.map(formatChange)).toEqual([
      '- site old-dc',
      '~ component fax: dependsOn',
      '~ component sip-trunk: name_en, site',
      '~ component media-cottbus: position',
      '- hotline de',
    ]);
    const catalog = await loadCatalog(getStore().db);
    expect(catalog.sites.map((s) => s.id)).toEqual(['fra']);
    expect(catalog.components.map((c) => [c.id, c.position, c.dependsOn, c.createdAt])).toEqual([
      ['fax', 0, [], '2026-11-20T10:00:00.000Z'],
      ['sip-trunk', 1, [], '2026-11-20T10:00:00.000Z'],
      ['media-cottbus', 2, [], '2026-11-20T10:00:00.000Z'],
    ]);
    expect(catalog.hotlines).toEqual([]);
    expect(await getStore().db.selectFrom('audit_log').select('id').execute()).toHaveLength(2);
  });

  it('refuses to remove a component an open incident affects, writing nothing, until it is resolved', async () => {
    const ctx = testContext(getStore());
    await applyCatalog({ ctx, input: { document: parse(small) } });
    const { id } = await declareIncident({
      ctx,
      input: {
        title: { de: 'Fax gestört', en: 'Fax down' },
        components: [{ componentId: 'fax', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Checking.' },
      },
    });
    const withoutFax = small
      .replace(/ {2}- \{id: fax, name: Fax, group.*\n/, '')
      .replace('{id: de, label: Hotline', '{id: de, label: Neu');
    const refused = await applyCatalog({ ctx, input: { document: parse(withoutFax) } }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DialtoneError);
    expect((refused as DialtoneError).fields).toEqual([
      {
        path: 'components',
        key: 'catalog.error.componentInIncident',
        params: { id: 'fax', titleDe: 'Fax gestört', titleEn: 'Fax down' },
      },
    ]);
    // The dry run tells the same, so the console's preview shows it before anyone presses apply.
    await expect(applyCatalog({ ctx, input: { document: parse(withoutFax), dryRun: true } })).rejects.toThrow(
      DialtoneError,
    );
    const hotline = await getStore().db.selectFrom('hotlines').select('label_de').executeTakeFirst();
    expect(hotline?.label_de).toBe('Hotline');

    await resolveIncident({ ctx, input: { incidentId: id, message: { de: 'Behoben.', en: 'Resolved.' } } });
    const r = await applyCatalog({ ctx, input: { document: parse(withoutFax) } });
    expect(r.changes.map(formatChange)).toEqual(['- component fax', '~ hotline de: label_de, label_en']);
  });

  it('refuses to remove a component of a scheduled maintenance', async () => {
    const ctx = testContext(getStore());
    await applyCatalog({ ctx, input: { document: parse(small) } });
    await scheduleMaintenance({
      ctx,
      input: {
        title: { de: 'Tausch Gateway', en: 'Gateway swap' },
        message: { de: 'Kurze Unterbrechung.', en: 'Short interruption.' },
        componentIds: ['sip-trunk'],
        scheduledStart: '2026-11-21T02:00:00.000Z',
        scheduledEnd: '2026-11-21T03:00:00.000Z',
      },
    });
    const without = small.replace(/ {2}- \{id: sip-trunk.*\n/, '');
    const refused = await applyCatalog({ ctx, input: { document: parse(without) } }).catch((e: unknown) => e);
    expect((refused as DialtoneError).fields[0]).toMatchObject({
      path: 'components',
      key: 'catalog.error.componentInMaintenance',
      params: { id: 'sip-trunk', titleEn: 'Gateway swap' },
    });
  });

  it('re-derives status: removing a dependency ends the inherited outage', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    await applyCatalog({ ctx, input: { document: parse(small) } });
    await declareIncident({
      ctx,
      input: {
        title: { de: 'Gateway aus', en: 'Gateway down' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'x', en: 'x' },
      },
    });
    expect((await getStatusSnapshot(getStore().db, clock())).statuses.get('fax')?.status).toBe(
      'major_outage',
    );
    await applyCatalog({
      ctx,
      input: { document: parse(small.replace('dependsOn: [media-cottbus]', 'dependsOn: []')) },
    });
    expect((await getStatusSnapshot(getStore().db, clock())).statuses.get('fax')?.status).toBe('operational');
  });
});
