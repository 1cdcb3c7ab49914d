import { expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { seedMiniCatalog, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { applyCatalog } from './apply-catalog.ts';
import { exportCatalog } from './export-catalog.ts';

describeEachStore('export catalog', (getStore) => {
  it('exports rows written by other means, tolerating odd ones, and applying the export changes nothing', async () => {
    const store = getStore();
    await seedMiniCatalog(store);
    await store.db.deleteFrom('services').execute();
    await store.db.deleteFrom('hotlines').execute();
    await store.db
      .insertInto('services')
      .values({
        id: 'cloud',
        name_de: 'Cloud-Telefonanlage',
        name_en: 'Hosted PBX',
        description_de: '',
        description_en: '',
        reporters: '["customer","partner","nobody"]',
        // Written by hand: missing fields, a stray entry; the export must not fail on it.
        identifiers: '[{"key":"cloudName","label_de":"Name der Cloud"}, 42]',
        queue: 'cloud',
        position: 7,
      })
      .execute();
    await store.db
      .insertInto('component_services')
      .values({ component_id: 'sip-trunk', service_id: 'cloud' })
      .execute();
    await store.db
      .insertInto('hotlines')
      .values({
        id: 'de',
        label_de: 'Störungshotline',
        label_en: 'Outage hotline',
        phone: '+49 30 1234567 0',
        position: 3,
      })
      .execute();

    const text = await exportCatalog(store.db);
    expect(text).toContain('name: {de: Cloud-Telefonanlage, en: Hosted PBX}');
    expect(text).toContain('reporters: [partner, customer]');
    expect(text).toContain('dependsOn: [media-cottbus]');
    const parsed = parseCatalogFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.document.services[0]?.identifiers).toEqual([
      {
        key: 'cloudName',
        label: { de: 'Name der Cloud', en: 'Name der Cloud' },
        hint: null,
        required: true,
        oneOf: null,
      },
    ]);
    expect(parsed.document.components.map((c) => c.id)).toEqual([
      'media-cottbus',
      'local-numbers',
      'fax',
      'sip-trunk',
    ]);

    // Applying the export compares documents: what the export shows is what the catalog is.
    const ctx = testContext(store);
    expect(await applyCatalog({ ctx, input: { document: parsed.document } })).toEqual({
      changes: [],
      applied: false,
    });
  });

  it('exports an empty catalog as empty lists, which apply accepts without changes', async () => {
    const store = getStore();
    await seedMiniCatalog(store);
    for (const t of ['components', 'component_groups', 'sites', 'services', 'hotlines'] as const) {
      await store.db.deleteFrom(t).execute();
    }
    const text = await exportCatalog(store.db);
    expect(text).toContain('components: []');
    const parsed = parseCatalogFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const r = await applyCatalog({ ctx: testContext(store), input: { document: parsed.document } });
    expect(r.changes).toEqual([]);
  });
});
