/**
 * @module The few facts the aggregator needs from a SIP message — start line, Call-ID, CSeq,
 * whether To has a tag — read straight from the bytes. The full parser (../sip/message.ts) builds
 * every header and parameter; at HEP rates (≥ 100 000 packets/s on one core) that is the
 * bottleneck, so this scan reads only these, and hands anything unusual (folded header lines) to
 * the full parser. Where the full parser accepts a message, both give the same facts (a
 * differential test checks it). Pure; never throws.
 */
import { parseSipMessage } from '../sip/message.ts';

export interface SipSummary {
  kind: 'request' | 'response';
  /** Request method (requests), '' for responses. */
  method: string;
  /** Response status (responses), 0 for requests. */
  status: number;
  callId: string;
  cseqSeq: number;
  cseqMethod: string;
  /** To carries a tag: an in-dialog request (re-INVITE), or any response past 100. */
  toTagged: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const LF = 10;
const CR = 13;
const SP = 32;
const HT = 9;
const COLON = 58;
const tokenChar = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const maxScanBytes = 256 * 1024;

export function summarizeSip(bytes: Uint8Array): SipSummary | null {
  if (bytes.length === 0 || bytes.length > maxScanBytes) return null;
  let at = 0;
  while (at < bytes.length && (bytes[at] === CR || bytes[at] === LF)) at++;
  let end = lineEnd(bytes, at);
  if (end < 0) return null;
  const start = startLine(bytes, at, trimCr(bytes, at, end));
  if (!start) return null;
  let callId: string | null = null;
  let cseq: { seq: number; method: string } | null | undefined;
  let toFrom = -1;
  let toEnd = -1;
  for (;;) {
    at = end + 1;
    end = lineEnd(bytes, at);
    if (end < 0) return null; // no blank line after the headers
    const stop = trimCr(bytes, at, end);
    if (stop === at) break; // blank line: end of headers
    // A folded line continues the previous header: rare, left to the full parser.
    if (bytes[at] === SP || bytes[at] === HT) return viaFullParser(bytes);
    const colon = bytes.indexOf(COLON, at);
    if (colon < 0 || colon >= stop) return null;
    // Only Call-ID/i, CSeq and To/t matter; other names are compared by bytes and skipped unread.
    const kind = headerKind(bytes, at, colon);
    if (kind === callIdHeader) callId ??= text(bytes, colon + 1, stop).trim();
    else if (kind === cseqHeader && cseq === undefined) cseq = readCSeq(bytes, colon + 1, stop);
    else if (kind === toHeader && toFrom < 0) {
      toFrom = colon + 1;
      toEnd = stop;
    }
  }
  if (!callId || !cseq) return null;
  return {
    ...start,
    callId,
    cseqSeq: cseq.seq,
    cseqMethod: cseq.method,
    toTagged: toFrom >= 0 && hasTag(bytes, toFrom, toEnd),
  };
}

const callIdHeader = 1;
const cseqHeader = 2;
const toHeader = 3;

/** Which header `bytes[at..colon)` names (case-insensitive, compact forms, spaces before `:`). */
function headerKind(bytes: Uint8Array, at: number, colon: number): number {
  let end = colon;
  while (end > at && isWhite(bytes[end - 1]!)) end--;
  const len = end - at;
  const c = bytes[at]! | 0x20;
  if (len === 1) return c === 0x69 ? callIdHeader : c === 0x74 ? toHeader : 0;
  if (len === 2) return sameLower(bytes, at, 'to') ? toHeader : 0;
  if (len === 4) return sameLower(bytes, at, 'cseq') ? cseqHeader : 0;
  if (len === 7) return sameLower(bytes, at, 'call-id') ? callIdHeader : 0;
  return 0;
}

/** ASCII case-insensitive comparison with a lower-case literal (letters and `-` only). */
function sameLower(bytes: Uint8Array, at: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const b = bytes[at + i]!;
    const l = lower.charCodeAt(i);
    if (b !== l && (b | 0x20) !== l) return false;
    if (l === 0x2d && b !== l) return false;
  }
  return true;
}

/** ASCII white space as the full parser's `\S` sees it (tab, LF, VT, FF, CR, space). */
const isWhite = (b: number) => b === SP || (b >= 9 && b <= 13);
const isWhiteAt = (b: number | undefined) => b !== undefined && isWhite(b);

/** `CSeq: 12 INVITE` → seq and upper-case method; null when malformed (as the full parser says). */
function readCSeq(bytes: Uint8Array, from: number, to: number): { seq: number; method: string } | null {
  let i = from;
  while (i < to && isWhiteAt(bytes[i])) i++;
  let end = to;
  while (end > i && isWhiteAt(bytes[end - 1])) end--;
  const digitsStart = i;
  let seq = 0;
  while (i < end && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) seq = seq * 10 + (bytes[i++]! - 0x30);
  const digits = i - digitsStart;
  if (digits === 0 || digits > 10 || seq > 0x7fffffff || !isWhiteAt(bytes[i])) return null;
  while (i < end && isWhiteAt(bytes[i])) i++;
  const method = methodName(bytes, i, end);
  return method === null ? null : { seq, method };
}

const sipVersion = [0x53, 0x49, 0x50, 0x2f, 0x32, 0x2e, 0x30]; // "SIP/2.0"

function isVersionAt(bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < 7; i++) if (bytes[at + i] !== sipVersion[i]) return false;
  return true;
}

const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/** `SIP/2.0 503 …` or `METHOD uri SIP/2.0` in `bytes[at..stop)`, read without building the line. */
function startLine(
  bytes: Uint8Array,
  at: number,
  stop: number,
): Pick<SipSummary, 'kind' | 'method' | 'status'> | null {
  if (stop - at >= 11 && isVersionAt(bytes, at) && bytes[at + 7] === SP) {
    const [a, b, c] = [bytes[at + 8]!, bytes[at + 9], bytes[at + 10]];
    if (a < 0x31 || a > 0x36 || !isDigit(b) || !isDigit(c)) return null;
    return { kind: 'response', method: '', status: (a - 0x30) * 100 + (b! - 0x30) * 10 + (c! - 0x30) };
  }
  const first = bytes.indexOf(SP, at);
  const last = stop - 8;
  if (first <= at || first >= last || bytes[last] !== SP || !isVersionAt(bytes, last + 1)) return null;
  // The URI: at least one byte, no white space.
  if (last - first < 2) return null;
  for (let i = first + 1; i < last; i++) if (isWhite(bytes[i]!)) return null;
  const method = methodName(bytes, at, first);
  return method === null ? null : { kind: 'request', method, status: 0 };
}

const knownMethods = [
  'INVITE',
  'ACK',
  'BYE',
  'CANCEL',
  'REGISTER',
  'OPTIONS',
  'PRACK',
  'UPDATE',
  'INFO',
  'SUBSCRIBE',
  'NOTIFY',
  'PUBLISH',
  'REFER',
  'MESSAGE',
];

/** Upper-case method token in `bytes[from..to)`, or null; the common ones without building a string. */
function methodName(bytes: Uint8Array, from: number, to: number): string | null {
  const len = to - from;
  for (const m of knownMethods) {
    if (m.length !== len) continue;
    let same = true;
    for (let i = 0; i < len && same; i++) {
      const b = bytes[from + i]!;
      const c = m.charCodeAt(i);
      same = b === c || b === c + 0x20; // the literal is upper-case letters only
    }
    if (same) return m;
  }
  const text = ascii(bytes, from, to);
  return tokenChar.test(text) ? text.toUpperCase() : null;
}

/**
 * A non-empty `tag` among the parameters of the To value in `bytes[from..to)`, read as the full
 * parser's `headerParams` reads it (after the name-addr's `>`, else from the first `;`; the last
 * `tag` wins; quotes around the value removed) — on the bytes, without building strings.
 */
function hasTag(bytes: Uint8Array, from: number, to: number): boolean {
  [from, to] = trimmed(bytes, from, to);
  const open = bytes.indexOf(0x3c, from);
  const close = to > from ? bytes.lastIndexOf(0x3e, to - 1) : -1;
  let p: number;
  if (open >= 0 && open < to && close >= from && close > open) p = close + 1;
  else {
    const semi = bytes.indexOf(0x3b, from);
    if (semi < 0 || semi >= to) return false;
    p = semi;
  }
  let tagged = false;
  while (p <= to) {
    let q = bytes.indexOf(0x3b, p);
    if (q < 0 || q > to) q = to;
    const [a, b] = trimmed(bytes, p, q);
    if (a < b) {
      let eq = bytes.indexOf(0x3d, a);
      if (eq >= b) eq = -1;
      const [na, nb] = trimmed(bytes, a, eq < 0 ? b : eq);
      if (nb - na === 3 && sameLower(bytes, na, 'tag')) {
        let [va, vb] = eq < 0 ? [b, b] : trimmed(bytes, eq + 1, b);
        if (vb - va >= 2 && bytes[va] === 0x22 && bytes[vb - 1] === 0x22) [va, vb] = [va + 1, vb - 1];
        tagged = vb > va;
      }
    }
    p = q + 1;
  }
  return tagged;
}

function trimmed(bytes: Uint8Array, from: number, to: number): [number, number] {
  while (from < to && isWhite(bytes[from]!)) from++;
  while (to > from && isWhite(bytes[to - 1]!)) to--;
  return [from, to];
}

/** UTF-8 text; plain ASCII (nearly every Call-ID) without the decoder's per-call cost. */
function text(bytes: Uint8Array, from: number, to: number): string {
  for (let i = from; i < to; i++) if (bytes[i]! >= 0x80) return utf8.decode(bytes.subarray(from, to));
  return ascii(bytes, from, to);
}

function viaFullParser(bytes: Uint8Array): SipSummary | null {
  const r = parseSipMessage(bytes);
  if (!r.ok) return null;
  const m = r.message;
  return {
    kind: m.kind,
    method: m.kind === 'request' ? m.method.toUpperCase() : '',
    status: m.kind === 'response' ? m.status : 0,
    callId: m.callId,
    cseqSeq: m.cseq.seq,
    cseqMethod: m.cseq.method.toUpperCase(),
    toTagged: m.toTag !== undefined && m.toTag !== '',
  };
}

function lineEnd(bytes: Uint8Array, from: number): number {
  return from > bytes.length ? -1 : bytes.indexOf(LF, from);
}

function trimCr(bytes: Uint8Array, from: number, lf: number): number {
  return lf > from && bytes[lf - 1] === CR ? lf - 1 : lf;
}

/** Header names, start lines and CSeq are ASCII; one char per byte is exact for them. */
function ascii(bytes: Uint8Array, from: number, to: number): string {
  // In slices: `apply` with a huge argument list would overflow the stack on a long header line.
  let s = '';
  for (let i = from; i < to; i += 4096) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
  }
  return s;
}
