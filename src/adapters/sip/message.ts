/**
 * @module SIP message parser (RFC 3261 §7): start line, headers (folded lines, compact forms,
 * repeated names), and the body cut to Content-Length. Pure and total: any input — a HEP payload,
 * a datagram, random bytes — gives `{ ok: true, message }` or `{ ok: false, reason }`; it never
 * throws. Reasons are a closed set so callers can count drops by reason.
 *
 * @example
 * const r = parseSipMessage('OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n\r\n');
 * if (r.ok && r.message.kind === 'request') r.message.method; // 'OPTIONS'
 */
import { headerParams, SipHeaders } from './headers.ts';

export { SipHeaders } from './headers.ts';

export type SipStartLine =
  | { kind: 'request'; method: string; uri: string }
  | { kind: 'response'; status: number; reason: string };

export type SipMessage = SipStartLine & {
  headers: SipHeaders;
  callId: string;
  cseq: { seq: number; method: string };
  /** `tag` parameter of From, if any. */
  fromTag: string | undefined;
  /** `tag` parameter of To (absent on an initial request). */
  toTag: string | undefined;
  /** `branch` parameter of the topmost Via. */
  viaBranch: string | undefined;
  /** Body decoded as UTF-8 and cut to Content-Length ('' when none). */
  body: string;
};

export type ParseFailure =
  | 'empty'
  | 'too-large'
  | 'no-header-end'
  | 'bad-start-line'
  | 'bad-header'
  | 'too-many-headers'
  | 'missing-call-id'
  | 'bad-cseq'
  | 'bad-content-length'
  | 'truncated-body';

export type ParseResult = { ok: true; message: SipMessage } | { ok: false; reason: ParseFailure };

/** Larger than any SIP message we expect over UDP (64 KiB) with room for TCP/HEP payloads. */
export const maxSipMessageBytes = 256 * 1024;
const maxHeaderLines = 256;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

const tokenRe = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const requestLineRe = /^([A-Za-z0-9\-.!%*_+`'~]+) (\S+) SIP\/2\.0$/;
const statusLineRe = /^SIP\/2\.0 ([1-6]\d\d) ?(.*)$/;

export function parseSipMessage(input: Uint8Array | string): ParseResult {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > maxSipMessageBytes) return { ok: false, reason: 'too-large' };
  const start = skipLeadingLineBreaks(bytes);
  if (start === bytes.length) return { ok: false, reason: 'empty' };
  const end = findHeaderEnd(bytes, start);
  if (!end) return { ok: false, reason: 'no-header-end' };
  const head = decoder.decode(bytes.subarray(start, end.headEnd));
  const lines = head.split(/\r?\n/);
  const startLine = parseStartLine(lines[0] ?? '');
  if (!startLine) return { ok: false, reason: 'bad-start-line' };
  const entries = parseHeaderLines(lines.slice(1));
  if (typeof entries === 'string') return { ok: false, reason: entries };
  const headers = new SipHeaders(entries);
  return finish(startLine, headers, bytes.subarray(end.bodyStart));
}

function finish(startLine: SipStartLine, headers: SipHeaders, rest: Uint8Array): ParseResult {
  const callId = headers.get('call-id')?.trim();
  if (!callId) return { ok: false, reason: 'missing-call-id' };
  const cseq = parseCSeq(headers.get('cseq'));
  if (!cseq) return { ok: false, reason: 'bad-cseq' };
  const body = cutBody(headers.get('content-length'), rest);
  if (typeof body === 'string') return { ok: false, reason: body };
  const from = headers.get('from');
  const to = headers.get('to');
  const via = headers.getList('via')[0];
  return {
    ok: true,
    message: {
      ...startLine,
      headers,
      callId,
      cseq,
      fromTag: from === undefined ? undefined : nonEmpty(headerParams(from).get('tag')),
      toTag: to === undefined ? undefined : nonEmpty(headerParams(to).get('tag')),
      viaBranch: via === undefined ? undefined : nonEmpty(headerParams(via).get('branch')),
      body: body.text,
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

/** Keep-alive CRLFs (RFC 5626) may precede a message on a stream. */
function skipLeadingLineBreaks(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 13 || bytes[i] === 10)) i++;
  return i;
}

/** End of the header section: CRLFCRLF, or a bare LFLF from sloppy senders. */
export function findHeaderEnd(
  bytes: Uint8Array,
  from = 0,
): { headEnd: number; bodyStart: number } | undefined {
  for (let i = from; i < bytes.length - 1; i++) {
    if (bytes[i] !== 10) continue;
    if (bytes[i + 1] === 10) return { headEnd: i, bodyStart: i + 2 };
    if (bytes[i + 1] === 13 && bytes[i + 2] === 10)
      return { headEnd: i - (bytes[i - 1] === 13 ? 1 : 0), bodyStart: i + 3 };
  }
  return undefined;
}

function parseStartLine(line: string): SipStartLine | undefined {
  const status = statusLineRe.exec(line);
  if (status) return { kind: 'response', status: Number(status[1]), reason: (status[2] ?? '').trim() };
  const request = requestLineRe.exec(line);
  if (request) return { kind: 'request', method: request[1]!.toUpperCase(), uri: request[2]! };
  return undefined;
}

/** Header lines with continuation lines (leading space or tab) folded into the previous one. */
function parseHeaderLines(lines: string[]): Array<[string, string]> | ParseFailure {
  const entries: Array<[string, string]> = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    if (line[0] === ' ' || line[0] === '\t') {
      const last = entries[entries.length - 1];
      if (!last) return 'bad-header';
      last[1] = `${last[1]} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return 'bad-header';
    const name = line.slice(0, colon).trim();
    if (!tokenRe.test(name)) return 'bad-header';
    entries.push([name, line.slice(colon + 1).trim()]);
    if (entries.length > maxHeaderLines) return 'too-many-headers';
  }
  return entries;
}

function parseCSeq(value: string | undefined): { seq: number; method: string } | undefined {
  const m = value ? /^(\d{1,10})\s+([A-Za-z0-9\-.!%*_+`'~]+)$/.exec(value.trim()) : null;
  if (!m) return undefined;
  const seq = Number(m[1]);
  if (seq > 0x7fffffff) return undefined;
  return { seq, method: m[2]!.toUpperCase() };
}

/** The body, or a failure reason. Without Content-Length (UDP) the rest of the datagram is the body. */
function cutBody(contentLength: string | undefined, rest: Uint8Array): { text: string } | ParseFailure {
  if (contentLength === undefined) return { text: decoder.decode(rest) };
  if (!/^\d{1,9}$/.test(contentLength.trim())) return 'bad-content-length';
  const length = Number(contentLength.trim());
  if (length > rest.length) return 'truncated-body';
  return { text: decoder.decode(rest.subarray(0, length)) };
}
