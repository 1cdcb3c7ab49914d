/**
 * @module Test data for the public pages' tests (imported by tests only): a small named catalog
 * with a dependency chain and hotlines. The large page (40 components, 3 open incidents) is
 * `seedLargePage` in test/support/large-page.ts, shared with the benchmark.
 */
import type { Store } from '#src/adapters/store/open-store.ts';
import { seedMiniCatalog } from '../../../../test/support/factories.ts';

const names: Record<string, [string, string]> = {
  'media-cottbus': ['Medienserver Cottbus', 'Cottbus media server'],
  'local-numbers': ['Ortsrufnummern', 'Local numbers'],
  fax: ['Fax', 'Fax'],
  'sip-trunk': ['SIP-Trunk', 'SIP trunk'],
};

/** seedMiniCatalog with readable names in both languages and two hotlines. */
export async function seedNamedCatalog(store: Store) {
  await seedMiniCatalog(store);
  for (const [id, [de, en]] of Object.entries(names)) {
    await store.db.updateTable('components').set({ name_de: de, name_en: en }).where('id', '=', id).execute();
  }
  await store.db.deleteFrom('hotlines').execute();
  await store.db
    .insertInto('hotlines')
    .values([
      {
        id: 'de',
        label_de: 'Aus Deutschland',
        label_en: 'From Germany',
        phone: '+49 355 1234-0',
        position: 0,
      },
      {
        id: 'at',
        label_de: 'Aus Österreich',
        label_en: 'From Austria',
        phone: '+43 1 234 56 78',
        position: 1,
      },
    ])
    .execute();
}

export { seedLargePage } from '../../../../test/support/large-page.ts';
