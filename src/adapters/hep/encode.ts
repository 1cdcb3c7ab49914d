/**
 * @module HEP v3 encoder: builds packets the way Kamailio's siptrace does (chunks 1–4/5–6, 7–12,
 * 14, 15 or 16). Used by tests, fixtures and the ingest benchmark's sender; pure.
 *
 * @example
 * const bytes = encodeHep({ srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort: 5060, dstPort: 5060, payload: sip });
 */

export interface HepInput {
  srcIp: string;
  dstIp: string;
  srcPort: number;
  dstPort: number;
  payload: Uint8Array | string;
  /** Capture time (ms since the epoch); default 0. */
  timeMs?: number;
  /** 17 UDP (default) or 6 TCP. */
  ipProtocol?: number;
  /** 1 = SIP (default). */
  protocolType?: number;
  captureId?: number;
  authKey?: string;
  correlationId?: string;
  /** Send the payload as chunk 16; give the gzip-compressed bytes here. */
  gzipped?: Uint8Array;
  /** Extra raw chunks (vendor, type, value), e.g. to test skipping unknown ones. */
  extra?: { vendor: number; type: number; value: Uint8Array }[];
}

const encoder = new TextEncoder();

export function encodeHep(input: HepInput): Uint8Array {
  const v6 = input.srcIp.includes(':');
  const chunks: [vendor: number, type: number, value: Uint8Array][] = [
    [0, 1, u8(v6 ? 10 : 2)],
    [0, 2, u8(input.ipProtocol ?? 17)],
    [0, v6 ? 5 : 3, v6 ? ipv6Bytes(input.srcIp) : ipv4Bytes(input.srcIp)],
    [0, v6 ? 6 : 4, v6 ? ipv6Bytes(input.dstIp) : ipv4Bytes(input.dstIp)],
    [0, 7, u16(input.srcPort)],
    [0, 8, u16(input.dstPort)],
    [0, 9, u32(Math.floor((input.timeMs ?? 0) / 1000))],
    [0, 10, u32(Math.round(((input.timeMs ?? 0) % 1000) * 1000))],
    [0, 11, u8(input.protocolType ?? 1)],
    [0, 12, u32(input.captureId ?? 2001)],
  ];
  if (input.authKey !== undefined) chunks.push([0, 14, encoder.encode(input.authKey)]);
  if (input.correlationId !== undefined) chunks.push([0, 17, encoder.encode(input.correlationId)]);
  for (const e of input.extra ?? []) chunks.push([e.vendor, e.type, e.value]);
  if (input.gzipped) chunks.push([0, 16, input.gzipped]);
  else
    chunks.push([0, 15, typeof input.payload === 'string' ? encoder.encode(input.payload) : input.payload]);
  const total = 6 + chunks.reduce((n, [, , v]) => n + 6 + v.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(encoder.encode('HEP3'), 0);
  view.setUint16(4, total);
  let at = 6;
  for (const [vendor, type, value] of chunks) {
    view.setUint16(at, vendor);
    view.setUint16(at + 2, type);
    view.setUint16(at + 4, 6 + value.length);
    out.set(value, at + 6);
    at += 6 + value.length;
  }
  return out;
}

function u8(n: number): Uint8Array {
  return Uint8Array.of(n);
}

function u16(n: number): Uint8Array {
  return Uint8Array.of(n >> 8, n & 0xff);
}

function u32(n: number): Uint8Array {
  return Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

function ipv4Bytes(ip: string): Uint8Array {
  return Uint8Array.from(ip.split('.').map(Number));
}

/** Full or `::`-shortened IPv6 text to 16 bytes (no embedded IPv4 form: tests do not need it). */
function ipv6Bytes(ip: string): Uint8Array {
  const [head = '', tail] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = Number.parseInt(g, 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 0xff;
  });
  return out;
}
