/**
 * @module The catalog's `peers:` section: trunks, SBCs and carriers whose SIP signalling the HEP
 * collector counts (docs/TELEMETRY.md). A peer names its component, a bilingual name, the address
 * or CIDR it sends from and answers on, and optionally one port. Pure.
 *
 * @example
 * peers:
 *   - { id: carrier-a, component: sip-trunk, name: Carrier A, match: 192.0.2.0/24, port: 5060 }
 */
import { type Bilingual, limits, type Obj, type Reader } from './catalog.ts';
import { parseNetwork } from './peer-address.ts';

export interface PeerSpec {
  id: string;
  component: string;
  name: Bilingual;
  /** IPv4/IPv6 address or CIDR, as written (trimmed). */
  match: string;
  /** Only this port; null = any port. */
  port: number | null;
}

export const peerKeys = ['id', 'component', 'name', 'match', 'port'] as const;

export function readPeer(r: Reader, o: Obj, path: string, id: string): PeerSpec | null {
  const name = r.bilingual(o.name, `${path}.name`, limits.name);
  const component = r.slug(o.component, `${path}.component`, 'catalog.error.invalidReference');
  let match = r.text(o.match, `${path}.match`, 64);
  if (match !== null && !parseNetwork(match)) {
    match = r.fail(`${path}.match`, 'catalog.error.invalidPeerMatch', { value: match });
  }
  let port: number | null = null;
  if (o.port !== undefined && o.port !== null) {
    const n = o.port;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535) port = n;
    else r.fail(`${path}.port`, 'catalog.error.invalidPort', { value: String(n) });
  }
  if (!name || component === null || match === null) return null;
  return { id, component, name, match, port };
}

/**
 * Every peer's component must exist in the same document, and no two peers may claim the same
 * address and port (a packet would count for whichever came first).
 */
export function checkPeerReferences(
  r: Reader,
  peers: readonly PeerSpec[],
  componentPaths: ReadonlyMap<string, string>,
  peerPaths: ReadonlyMap<string, string>,
) {
  const claimed = new Map<string, string>();
  for (const p of peers) {
    const path = peerPaths.get(p.id)!;
    if (!componentPaths.has(p.component)) {
      r.fail(`${path}.component`, 'catalog.error.unknownComponent', { id: p.component });
    }
    const net = parseNetwork(p.match)!;
    const key = `${[...net.bytes].join('.')}/${net.prefix}:${p.port ?? '*'}`;
    const first = claimed.get(key);
    if (first) r.fail(`${path}.match`, 'catalog.error.duplicatePeerMatch', { value: p.match, first });
    else claimed.set(key, path);
  }
}

/** A peer as written to a catalog file (defaults left out). */
export function peerToPlain(p: PeerSpec, text: (b: Bilingual) => unknown): Record<string, unknown> {
  return { id: p.id, component: p.component, name: text(p.name), match: p.match, port: p.port ?? undefined };
}
