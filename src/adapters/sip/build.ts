/**
 * @module SIP request and response builder (RFC 3261 §8.1.1, §8.2.6): Via with a `z9hG4bK`
 * branch, From tag, Call-ID, CSeq, Max-Forwards and a Content-Length computed in bytes. Ids come
 * from `randomToken` (Web Crypto), so the module stays free of I/O.
 *
 * @example
 * const text = buildRequest({ method: 'OPTIONS', uri: 'sip:ping@127.0.0.1:5060',
 *   via: { transport: 'UDP', host: '127.0.0.1', port: 40000 }, from: { uri: 'sip:dialtone@127.0.0.1' } });
 */
import type { SipMessage } from './message.ts';

export type SipTransportName = 'UDP' | 'TCP' | 'TLS';

export interface RequestSpec {
  method: string;
  uri: string;
  via: { transport: SipTransportName; host: string; port: number; branch?: string };
  from: { uri: string; displayName?: string; tag?: string };
  /** Defaults to the request URI without a tag. */
  to?: { uri: string; tag?: string };
  callId?: string;
  cseq?: number;
  maxForwards?: number;
  contact?: string;
  /** Extra header lines in order, e.g. `['Authorization', 'Digest …']`. */
  headers?: ReadonlyArray<readonly [string, string]>;
  body?: string;
  contentType?: string;
}

export interface BuiltRequest {
  text: string;
  branch: string;
  callId: string;
  cseq: number;
  fromTag: string;
}

const encoder = new TextEncoder();

/** `n` random bytes as lowercase hex. */
export function randomToken(bytes = 8): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** A branch with the RFC 3261 magic cookie, unique per transaction. */
export function newBranch(): string {
  return `z9hG4bK${randomToken(10)}`;
}

export function buildRequest(spec: RequestSpec): BuiltRequest {
  const branch = spec.via.branch ?? newBranch();
  const fromTag = spec.from.tag ?? randomToken(6);
  const callId = spec.callId ?? `${randomToken(12)}@${spec.via.host}`;
  const cseq = spec.cseq ?? 1;
  const host = spec.via.host.includes(':') ? `[${spec.via.host}]` : spec.via.host;
  const to = spec.to ?? { uri: spec.uri };
  const lines: Array<readonly [string, string]> = [
    ['Via', `SIP/2.0/${spec.via.transport} ${host}:${spec.via.port};branch=${branch};rport`],
    ['Max-Forwards', String(spec.maxForwards ?? 70)],
    ['From', `${nameAddr(spec.from.uri, spec.from.displayName)};tag=${fromTag}`],
    ['To', `${nameAddr(to.uri)}${to.tag ? `;tag=${to.tag}` : ''}`],
    ['Call-ID', callId],
    ['CSeq', `${cseq} ${spec.method}`],
  ];
  if (spec.contact) lines.push(['Contact', spec.contact]);
  lines.push(...(spec.headers ?? []));
  if (spec.body) lines.push(['Content-Type', spec.contentType ?? 'application/sdp']);
  lines.push(['User-Agent', 'dialtone']);
  const text = serialize(`${spec.method} ${spec.uri} SIP/2.0`, lines, spec.body ?? '');
  return { text, branch, callId, cseq, fromTag };
}

/**
 * A response to a parsed request: Via, From, To (with `toTag` added when given and absent),
 * Call-ID and CSeq copied as RFC 3261 §8.2.6.2 asks. Used by test peers and fixtures.
 */
export function buildResponse(
  request: SipMessage,
  status: number,
  reason: string,
  options: { toTag?: string; headers?: ReadonlyArray<readonly [string, string]>; body?: string } = {},
): string {
  const to = request.headers.get('to') ?? '';
  const lines: Array<readonly [string, string]> = [
    ...request.headers.getList('via').map((v) => ['Via', v] as const),
    ['From', request.headers.get('from') ?? ''],
    ['To', request.toTag || !options.toTag ? to : `${to};tag=${options.toTag}`],
    ['Call-ID', request.callId],
    ['CSeq', `${request.cseq.seq} ${request.cseq.method}`],
    ...(options.headers ?? []),
  ];
  return serialize(`SIP/2.0 ${status} ${reason}`, lines, options.body ?? '');
}

function nameAddr(uri: string, displayName?: string): string {
  const name = displayName ? `"${displayName.replace(/["\\]/g, '\\$&')}" ` : '';
  return `${name}<${uri}>`;
}

function serialize(startLine: string, lines: ReadonlyArray<readonly [string, string]>, body: string): string {
  // Header values must not smuggle extra lines into the message.
  const head = lines.map(([n, v]) => `${n}: ${v.replace(/[\r\n]+/g, ' ')}`);
  head.push(`Content-Length: ${encoder.encode(body).length}`);
  return `${startLine}\r\n${head.join('\r\n')}\r\n\r\n${body}`;
}
