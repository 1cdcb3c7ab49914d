/**
 * @module HEP v3 decoder (sipcapture HEP spec rev. 37; facts in ../shared/TELEPHONY.md). Pure and
 * total: any bytes give `{ ok: true, packet }` or `{ ok: false, reason }` from a closed set, so
 * the collector counts drops by reason and never crashes on garbage. The gzip payload chunk (16)
 * is handed to an injected `inflate` (see inflate.ts) so this file stays free of I/O modules.
 *
 * @example
 * const r = decodeHep(datagram, { authKey: 'secret', inflate });
 * if (r.ok) r.packet.srcIp; // '10.0.0.1' or '2001:db8::1'
 */

export type HepDropReason =
  | 'truncated'
  | 'bad_magic'
  | 'bad_length'
  | 'bad_chunk'
  | 'chunk_overflow'
  | 'missing_address'
  | 'missing_payload'
  | 'bad_auth'
  | 'bad_gzip'
  | 'gzip_bomb';

export const hepDropReasons: readonly HepDropReason[] = [
  'truncated',
  'bad_magic',
  'bad_length',
  'bad_chunk',
  'chunk_overflow',
  'missing_address',
  'missing_payload',
  'bad_auth',
  'bad_gzip',
  'gzip_bomb',
];

export interface HepPacket {
  /** 4 or 6, from the family chunk or from which address chunks came. */
  family: 4 | 6;
  /** IP protocol number (17 UDP, 6 TCP), null when absent. */
  ipProtocol: number | null;
  srcIp: string;
  dstIp: string;
  srcPort: number;
  dstPort: number;
  /** Capture time (ms since the epoch, microseconds kept as a fraction), null when absent. */
  timeMs: number | null;
  /** HEP protocol type (1 = SIP), null when absent. */
  protocolType: number | null;
  captureId: number | null;
  correlationId: string | null;
  nodeName: string | null;
  /** The captured message (decompressed when it came in chunk 16). */
  payload: Uint8Array;
}

export type HepDecodeResult = { ok: true; packet: HepPacket } | { ok: false; reason: HepDropReason };

/** Decompresses chunk 16; returns the bytes or why it could not. */
export type Inflate = (compressed: Uint8Array) => Uint8Array | 'bad_gzip' | 'gzip_bomb';

export interface DecodeOptions {
  /** When set, packets must carry this auth key (chunk 14). */
  authKey?: Uint8Array | undefined;
  inflate?: Inflate | undefined;
}

/** Fixed header: "HEP3" + uint16 total length. */
export const hepHeaderBytes = 6;
const magic = 0x48455033;
const chunkHeaderBytes = 6;
const textDecoder = new TextDecoder('utf-8', { fatal: false });

/** Total length announced by a packet's header (for TCP framing), or a reason it has none. */
export function hepFrameLength(bytes: Uint8Array, at = 0): number | 'truncated' | 'bad_magic' | 'bad_length' {
  if (bytes.length - at < hepHeaderBytes) return 'truncated';
  if (u32(bytes, at) !== magic) return 'bad_magic';
  const length = u16(bytes, at + 4);
  return length < hepHeaderBytes ? 'bad_length' : length;
}

export function decodeHep(bytes: Uint8Array, options: DecodeOptions = {}): HepDecodeResult {
  const total = hepFrameLength(bytes);
  if (typeof total === 'string') return { ok: false, reason: total };
  if (total > bytes.length) return { ok: false, reason: 'truncated' };
  // A datagram carries exactly one packet: extra bytes mean a framing we do not understand.
  if (total < bytes.length) return { ok: false, reason: 'bad_length' };
  const f = new Fields();
  let at = hepHeaderBytes;
  while (at < total) {
    if (total - at < chunkHeaderBytes) return { ok: false, reason: 'chunk_overflow' };
    const vendor = u16(bytes, at);
    const type = u16(bytes, at + 2);
    const len = u16(bytes, at + 4);
    if (len < chunkHeaderBytes) return { ok: false, reason: 'bad_chunk' };
    if (at + len > total) return { ok: false, reason: 'chunk_overflow' };
    // Vendor chunks (vendor ≠ 0) and unknown generic types are skipped by their length.
    if (vendor === 0 && !f.read(type, bytes, at + chunkHeaderBytes, len - chunkHeaderBytes)) {
      return { ok: false, reason: 'bad_chunk' };
    }
    at += len;
  }
  return finish(f, options);
}

function finish(f: Fields, options: DecodeOptions): HepDecodeResult {
  if (options.authKey && !sameBytes(options.authKey, f.authKey)) return { ok: false, reason: 'bad_auth' };
  const v4 = f.src4 !== null && f.dst4 !== null;
  const v6 = f.src6 !== null && f.dst6 !== null;
  const family = f.family === 10 ? 6 : f.family === 2 ? 4 : v4 ? 4 : v6 ? 6 : null;
  if ((family === 4 && !v4) || (family === 6 && !v6) || family === null) {
    return { ok: false, reason: 'missing_address' };
  }
  if (f.srcPort === null || f.dstPort === null) return { ok: false, reason: 'missing_address' };
  let payload = f.payload;
  if (!payload && f.gzipped) {
    if (!options.inflate) return { ok: false, reason: 'bad_gzip' };
    const inflated = options.inflate(f.gzipped);
    if (typeof inflated === 'string') return { ok: false, reason: inflated };
    payload = inflated;
  }
  if (!payload || payload.length === 0) return { ok: false, reason: 'missing_payload' };
  return {
    ok: true,
    packet: {
      family,
      ipProtocol: f.ipProtocol,
      srcIp: family === 4 ? f.src4! : f.src6!,
      dstIp: family === 4 ? f.dst4! : f.dst6!,
      srcPort: f.srcPort,
      dstPort: f.dstPort,
      timeMs: f.seconds === null ? null : f.seconds * 1000 + (f.micros ?? 0) / 1000,
      protocolType: f.protocolType,
      captureId: f.captureId,
      correlationId: f.correlationId,
      nodeName: f.nodeName,
      payload,
    },
  };
}

/** What the chunks said; `read` returns false when a known chunk has the wrong size. */
class Fields {
  family: number | null = null;
  ipProtocol: number | null = null;
  src4: string | null = null;
  dst4: string | null = null;
  src6: string | null = null;
  dst6: string | null = null;
  srcPort: number | null = null;
  dstPort: number | null = null;
  seconds: number | null = null;
  micros: number | null = null;
  protocolType: number | null = null;
  captureId: number | null = null;
  authKey: Uint8Array | null = null;
  payload: Uint8Array | null = null;
  gzipped: Uint8Array | null = null;
  correlationId: string | null = null;
  nodeName: string | null = null;

  read(type: number, bytes: Uint8Array, at: number, len: number): boolean {
    switch (type) {
      case 1:
      case 2:
      case 11:
        if (len !== 1) return false;
        if (type === 1) this.family = bytes[at]!;
        else if (type === 2) this.ipProtocol = bytes[at]!;
        else this.protocolType = bytes[at]!;
        return true;
      case 3:
      case 4:
        if (len !== 4) return false;
        if (type === 3) this.src4 = ipv4(bytes, at);
        else this.dst4 = ipv4(bytes, at);
        return true;
      case 5:
      case 6:
        if (len !== 16) return false;
        if (type === 5) this.src6 = ipv6(bytes, at);
        else this.dst6 = ipv6(bytes, at);
        return true;
      case 7:
      case 8:
        if (len !== 2) return false;
        if (type === 7) this.srcPort = u16(bytes, at);
        else this.dstPort = u16(bytes, at);
        return true;
      case 9:
      case 10:
      case 12:
        if (len !== 4) return false;
        if (type === 9) this.seconds = u32(bytes, at);
        else if (type === 10) this.micros = u32(bytes, at);
        else this.captureId = u32(bytes, at);
        return true;
      default:
        return this.readBytes(type, at, len, bytes);
    }
  }

  private readBytes(type: number, at: number, len: number, bytes: Uint8Array): boolean {
    // A plain view, not Buffer#subarray (which builds a Buffer object: slow per packet).
    const value = new Uint8Array(bytes.buffer, bytes.byteOffset + at, len);
    if (type === 14) this.authKey = value;
    else if (type === 15) this.payload = value;
    else if (type === 16) this.gzipped = value;
    else if (type === 17) this.correlationId = textDecoder.decode(value);
    else if (type === 19) this.nodeName = textDecoder.decode(value);
    return true;
  }
}

function u16(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** The same few peer addresses repeat in every packet: their text is built once (bounded). */
const ipv4Text = new Map<number, string>();

function ipv4(b: Uint8Array, at: number): string {
  const n = u32(b, at);
  let s = ipv4Text.get(n);
  if (s === undefined) {
    s = `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
    if (ipv4Text.size >= 4096) ipv4Text.clear();
    ipv4Text.set(n, s);
  }
  return s;
}

/** RFC 5952 text form: lower-case hex, the longest run of two or more zero groups as `::`. */
export function ipv6(bytes: Uint8Array, at: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push(u16(bytes, at + i * 2));
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Compares in time independent of where the first difference is (the key is a shared secret). */
function sameBytes(expected: Uint8Array, got: Uint8Array | null): boolean {
  if (!got || got.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ got[i]!;
  return diff === 0;
}
