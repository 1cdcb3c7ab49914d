/**
 * @module Addresses of telemetry peers: an IPv4/IPv6 address or CIDR (`192.0.2.0/24`,
 * `2001:db8::/32`) with an optional port, and matching a packet's address against them. Pure.
 *
 * @example
 * const m = new PeerMatcher([{ id: 'carrier-a', match: '192.0.2.0/24', port: 5060 }]);
 * m.match('192.0.2.7', 5060); // 'carrier-a'
 */

export interface PeerAddress {
  id: string;
  match: string;
  port: number | null;
}

interface Network {
  bytes: Uint8Array;
  prefix: number;
}

/** IPv4 dotted quad or IPv6 text (with `::`, optionally an embedded IPv4 tail) to 4 or 16 bytes. */
export function parseIp(text: string): Uint8Array | null {
  if (text.includes(':')) return parseIpv6(text);
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    out[i] = Number(p);
  }
  return out;
}

function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIp(p);
        if (!v4 || v4.length !== 4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) out.push(Number.parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null;
  const all = [...head, ...Array<number>(fill).fill(0), ...tail];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

/** `address` or `address/prefix`; null when it is neither. */
export function parseNetwork(text: string): Network | null {
  const [addr = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const bytes = parseIp(addr);
  if (!bytes) return null;
  const max = bytes.length * 8;
  if (prefixText === undefined) return { bytes, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { bytes, prefix: Number(prefixText) };
}

function contains(net: Network, ip: Uint8Array): boolean {
  if (net.bytes.length !== ip.length) return false;
  let bits = net.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((net.bytes[i]! & mask) !== (ip[i]! & mask)) return false;
  }
  return true;
}

/** IPv4-mapped IPv6 (`::ffff:192.0.2.1`) as the IPv4 address it carries (dual-stack sockets). */
function unmap(ip: Uint8Array): Uint8Array {
  if (ip.length !== 16) return ip;
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return ip;
  return ip[10] === 0xff && ip[11] === 0xff ? ip.subarray(12) : ip;
}

/**
 * Finds the peer of an address and port: the most specific network wins (longest prefix; a rule
 * with a port before one without). Answers are cached (bounded) because the same few addresses
 * repeat in every packet.
 */
export class PeerMatcher {
  readonly #rules: { id: string; net: Network; port: number | null }[];
  /** Address → port → peer id (null: none). Nested so no key string is built per packet. */
  readonly #cache = new Map<string, Map<number, string | null>>();
  #cached = 0;
  static readonly cacheLimit = 10_000;

  constructor(peers: readonly PeerAddress[]) {
    this.#rules = peers
      .flatMap((p) => {
        const net = parseNetwork(p.match);
        return net ? [{ id: p.id, net, port: p.port }] : [];
      })
      .sort((a, b) => b.net.prefix - a.net.prefix || (b.port === null ? 0 : 1) - (a.port === null ? 0 : 1));
  }

  get size(): number {
    return this.#rules.length;
  }

  match(ip: string, port: number): string | null {
    let ports = this.#cache.get(ip);
    const hit = ports?.get(port);
    if (hit !== undefined) return hit;
    const bytes = parseIp(ip);
    const found = bytes ? this.#find(unmap(bytes), port) : null;
    if (this.#cached >= PeerMatcher.cacheLimit) {
      this.#cache.clear();
      this.#cached = 0;
      ports = undefined;
    }
    if (!ports) {
      ports = new Map();
      this.#cache.set(ip, ports);
    }
    ports.set(port, found);
    this.#cached++;
    return found;
  }

  #find(ip: Uint8Array, port: number): string | null {
    for (const r of this.#rules) {
      if ((r.port === null || r.port === port) && contains(r.net, ip)) return r.id;
    }
    return null;
  }
}
