import { describe, expect, it } from 'vitest';
import { validateCatalog } from './catalog.ts';
import { diffCatalog } from './catalog-diff.ts';

const base = { components: [{ id: 'sip-trunk', name: 'SIP-Trunk' }] };
const withPeers = (peers: Record<string, unknown>[]) =>
  validateCatalog({ ...base, peers: peers.map((p) => ({ component: 'sip-trunk', name: 'P', ...p })) });
const errorsOf = (r: ReturnType<typeof validateCatalog>) =>
  r.ok ? [] : r.errors.map((e) => `${e.path} ${e.key}`);

describe('catalog peers', () => {
  it('reads peers by address, CIDR (IPv4/IPv6) and optional port', () => {
    const r = withPeers([
      { id: 'carrier-a', match: '192.0.2.0/24', name: { de: 'Carrier A (DE)', en: 'Carrier A' } },
      { id: 'sbc', match: '2001:db8::10', port: 5061 },
    ]);
    expect(errorsOf(r)).toEqual([]);
    expect(r.ok && r.document.peers).toEqual([
      {
        id: 'carrier-a',
        component: 'sip-trunk',
        name: { de: 'Carrier A (DE)', en: 'Carrier A' },
        match: '192.0.2.0/24',
        port: null,
      },
      { id: 'sbc', component: 'sip-trunk', name: { de: 'P', en: 'P' }, match: '2001:db8::10', port: 5061 },
    ]);
  });

  it('names every mistake with its path', () => {
    const r = withPeers([
      { id: 'a', match: 'sbc.example.net', port: 70000 },
      { id: 'b', match: '192.0.2.0/24', component: 'nope', colour: 'red' },
      { id: 'c', match: '192.0.2.0/24' },
      { id: 'd', match: '192.0.2.0/24', port: 5060 },
      { id: 'e', port: '5060' },
    ]);
    expect(errorsOf(r)).toEqual([
      'peers[0].match catalog.error.invalidPeerMatch',
      'peers[0].port catalog.error.invalidPort',
      'peers[1].colour catalog.error.unknownKey',
      'peers[4].match error.required',
      'peers[4].port catalog.error.invalidPort',
      'peers[1].component catalog.error.unknownComponent',
      'peers[2].match catalog.error.duplicatePeerMatch',
    ]);
  });

  it('diffs peers like other catalog entries', () => {
    const before = withPeers([
      { id: 'a', match: '192.0.2.1' },
      { id: 'b', match: '192.0.2.2' },
    ]);
    const after = withPeers([
      { id: 'a', match: '192.0.2.9', port: 5060 },
      { id: 'c', match: '192.0.2.3' },
    ]);
    if (!before.ok || !after.ok) throw new Error('invalid');
    expect(diffCatalog(before.document, after.document).filter((c) => c.kind === 'peer')).toEqual([
      { op: 'update', kind: 'peer', id: 'a', fields: ['match', 'port'] },
      { op: 'create', kind: 'peer', id: 'c', fields: [] },
      { op: 'delete', kind: 'peer', id: 'b', fields: [] },
    ]);
  });
});
