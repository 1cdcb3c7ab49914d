/**
 * @module The demo catalog (`catalog/demo.yaml`) and the example inventory
 * (`catalog/inventory-example.csv`) in a store: customers with numbers on the Cottbus components,
 * a trunk in Frankfurt, a DSL line — what "who is affected?" tests need.
 */
import { readFile } from 'node:fs/promises';
import type { Store } from '#src/adapters/store/open-store.ts';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { importInventory } from '#src/services/import-inventory.ts';
import { type TestClock, testContext } from './factories.ts';

const root = new URL('../../', import.meta.url);

export async function seedDemoWithInventory(store: Store, clock?: TestClock): Promise<void> {
  const ctx = testContext(store, clock);
  const parsed = parseCatalogFile(await readFile(new URL('catalog/demo.yaml', root), 'utf8'));
  if (!parsed.ok) throw new Error('demo catalog invalid');
  await applyCatalog({ ctx, input: { document: parsed.document } });
  const inventory = await readFile(new URL('catalog/inventory-example.csv', root), 'utf8');
  const imported = await importInventory({ ctx, input: { text: inventory } });
  if (!imported.accepted) throw new Error('example inventory refused');
}
