/**
 * @module The few facts the aggregator needs from a SIP message — start line, Call-ID, CSeq,
 * whether To has a tag — read straight from the bytes. The full parser (../sip/message.ts) builds
 * every header and parameter; at HEP rates (≥ 100 000 packets/s on one core) that is the
 * bottleneck, so this scan reads only these, and hands anything unusual (folded header lines) to
 * the full parser. Where the full parser accepts a message, both give the same facts (a
 * differential test checks it). Pure; never throws.
 */
import { headerParams } from '../sip/headers.ts';
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
  const start = startLine(ascii(bytes, at, trimCr(bytes, at, end)));
  if (!start) return null;
  let callId: string | null = null;
  let cseq: string | null = null;
  let to: string | null = null;
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
    // Only Call-ID/i, CSeq and To/t matter: skip other names by their first letter, unread.
    const first = bytes[at]! | 0x20;
    if (first !== 0x63 && first !== 0x69 && first !== 0x74) continue;
    const name = ascii(bytes, at, colon).trim().toLowerCase();
    if (name === 'call-id' || name === 'i') callId ??= utf8.decode(bytes.subarray(colon + 1, stop)).trim();
    else if (name === 'cseq') cseq ??= ascii(bytes, colon + 1, stop).trim();
    else if (name === 't' || name === 'to') to ??= ascii(bytes, colon + 1, stop);
  }
  const cs = cseq === null ? null : /^(\d{1,10})\s+([A-Za-z0-9\-.!%*_+`'~]+)$/.exec(cseq);
  if (!callId || !cs || Number(cs[1]) > 0x7fffffff) return null;
  return { ...start, callId, cseqSeq: Number(cs[1]), cseqMethod: cs[2]!.toUpperCase(), toTagged: hasTag(to) };
}

function startLine(line: string): Pick<SipSummary, 'kind' | 'method' | 'status'> | null {
  if (line.startsWith('SIP/2.0 ')) {
    const m = /^SIP\/2\.0 ([1-6]\d\d)/.exec(line);
    return m ? { kind: 'response', method: '', status: Number(m[1]) } : null;
  }
  const parts = line.split(' ');
  if (parts.length !== 3 || parts[2] !== 'SIP/2.0' || !parts[1] || !tokenChar.test(parts[0]!)) return null;
  return { kind: 'request', method: parts[0]!.toUpperCase(), status: 0 };
}

/** A non-empty `tag` among the header's parameters, read as the full parser reads it. */
function hasTag(to: string | null): boolean {
  if (to === null || !/tag/i.test(to)) return false;
  return !!headerParams(to.trim()).get('tag');
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
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}
