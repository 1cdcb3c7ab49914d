import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import type { CatalogDocument } from '#src/domain/catalog.ts';
import { formatChange } from '#src/domain/catalog-diff.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { applyCatalog } from './apply-catalog.ts';
import { exportCatalog } from './export-catalog.ts';
import { loadRules } from './load-detector-inputs.ts';

const demoText = readFileSync(new URL('../../catalog/demo.yaml', import.meta.url), 'utf8');
const withDetectors = (demo: string) =>
  demo.includes('\ndetectors:')
    ? demo
    : `${demo}
detectors:
  - { id: trunk-isa, component: sip-trunk, kind: isa, params: { threshold: 0.1, clearBelow: 0.05, minAttempts: 50 } }
  - id: trunk-404
    component: sip-trunk
    peer: connect-trunks
    kind: code-rate
    params: { codes: [404, 484], threshold: 0.3 }
  - { id: sbc-silence, component: sbc-fra, kind: silence, params: { signal: register-ok }, enabled: false }
`;

function parse(text: string) {
  const r = parseCatalogFile(text);
  return r;
}
function doc(text: string): CatalogDocument {
  const r = parse(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.document;
}

it('refuses bad rules with the path of each problem', () => {
  const r = parse(`${demoText}
detectors:
  - { id: a, component: sip-trunk, kind: magic }
  - { id: b, component: sip-trunk, peer: sbc-fra-core, kind: isa, params: { threshold: 1.5, window: 60 } }
  - { id: c, component: nowhere, peer: ghost, kind: silence, params: { signal: video } }
`);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors.map((e) => [e.path, e.key])).toEqual(
    expect.arrayContaining([
      ['detectors[0].kind', 'alerts.error.invalidKind'],
      ['detectors[1].params.threshold', 'alerts.error.invalidParam'],
      ['detectors[1].params.window', 'catalog.error.unknownKey'],
      ['detectors[2].params.signal', 'alerts.error.invalidParam'],
    ]),
  );
  const ok = parse(`${demoText}
detectors:
  - { id: b, component: sip-trunk, peer: sbc-fra-core, kind: isa }
  - { id: c, component: nowhere, peer: ghost, kind: silence }
`);
  expect(ok.ok).toBe(false);
  if (ok.ok) return;
  expect(ok.errors.map((e) => [e.path, e.key])).toEqual([
    ['detectors[0].peer', 'alerts.error.peerOfOtherComponent'],
    ['detectors[1].component', 'catalog.error.unknownComponent'],
    ['detectors[1].peer', 'alerts.error.unknownPeer'],
  ]);
});

describeEachStore('catalog detectors', (getStore) => {
  it('applies rules, exports them back unchanged (only non-default params), updates and removes', async () => {
    const store = getStore();
    const ctx = testContext(store, testClock('2026-11-22T04:00:00.000Z'));
    await applyCatalog({ ctx, input: { document: doc(withDetectors(demoText)) } });
    const rules = await loadRules(store.db);
    expect(rules.map((r) => [r.componentId, r.peerId, r.rule.id, r.rule.kind])).toEqual([
      ['sip-trunk', null, 'trunk-isa', 'isa'],
      ['sip-trunk', 'connect-trunks', 'trunk-404', 'code-rate'],
    ]);
    expect(rules[1]!.rule.params).toMatchObject({
      codes: [404, 484],
      threshold: 0.3,
      clearBelow: 0.05,
      spanSeconds: 30,
    });
    const exported = await exportCatalog(store.db);
    expect(exported).toContain('detectors:');
    expect(exported).toContain('enabled: false');
    expect(exported).not.toContain('spanSeconds');
    const again = await applyCatalog({ ctx, input: { document: doc(exported), dryRun: true } });
    expect(again.changes.filter((c) => c.kind === 'detector')).toEqual([]);

    const next = doc(exported);
    next.detectors = [{ ...next.detectors[1]!, enabled: false }, next.detectors[0]!];
    const r = await applyCatalog({ ctx, input: { document: next } });
    expect(r.changes.filter((c) => c.kind === 'detector').map(formatChange)).toEqual([
      '~ detector trunk-404: enabled, position',
      '- detector sbc-silence',
    ]);
    expect(await loadRules(store.db)).toHaveLength(1);
  });
});
