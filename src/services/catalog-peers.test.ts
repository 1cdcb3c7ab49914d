import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import type { CatalogDocument } from '#src/domain/catalog.ts';
import { formatChange } from '#src/domain/catalog-diff.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { applyCatalog } from './apply-catalog.ts';
import { exportCatalog } from './export-catalog.ts';

const demoText = readFileSync(new URL('../../catalog/demo.yaml', import.meta.url), 'utf8');

function parse(text: string): CatalogDocument {
  const r = parseCatalogFile(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document;
}

describeEachStore('catalog peers', (getStore) => {
  it('applies the demo peers, exports them back unchanged, then updates and removes one', async () => {
    const store = getStore();
    const ctx = testContext(store, testClock('2026-11-22T04:00:00.000Z'));
    await applyCatalog({ ctx, input: { document: parse(demoText) } });
    const rows = await store.db.selectFrom('telemetry_peers').selectAll().orderBy('position').execute();
    expect(rows.map((p) => [p.id, p.component_id, p.match, p.port])).toEqual([
      ['sbc-fra-core', 'sbc-fra', '192.0.2.10', 5060],
      ['connect-trunks', 'sip-trunk', '198.51.100.0/24', null],
      ['carrier-upstream', 'interconnect-fra', '2001:db8:100::/48', null],
    ]);
    const exported = await exportCatalog(store.db);
    expect(exported).toContain('peers:');
    const again = await applyCatalog({ ctx, input: { document: parse(exported), dryRun: true } });
    expect(again.changes.filter((c) => c.kind === 'peer')).toEqual([]);

    const doc = parse(exported);
    doc.peers = [{ ...doc.peers[1]!, port: 5080 }, doc.peers[0]!];
    const r = await applyCatalog({ ctx, input: { document: doc } });
    expect(r.changes.filter((c) => c.kind === 'peer').map(formatChange)).toEqual([
      '~ peer connect-trunks: port, position',
      '- peer carrier-upstream',
    ]);
    const after = await store.db
      .selectFrom('telemetry_peers')
      .select(['id', 'port', 'position'])
      .orderBy('position')
      .execute();
    expect(after).toEqual([
      { id: 'connect-trunks', port: 5080, position: 0 },
      { id: 'sbc-fra-core', port: 5060, position: 1 },
    ]);
  });
});
