/**
 * @module HTTP digest authentication as SIP uses it (RFC 2617, RFC 7616, RFC 8760): parse a
 * `WWW-Authenticate` / `Proxy-Authenticate` challenge, answer it with an `Authorization` /
 * `Proxy-Authorization` value. MD5 and SHA-256 (and their `-sess` variants), qop `auth` and
 * `auth-int`, or the old RFC 2069 form without qop. Hashing only, no I/O; never throws.
 *
 * @example
 * const ch = chooseChallenge(response.headers.getAll('www-authenticate'));
 * if (ch) headers.push(['Authorization', digestAuthorization({ challenge: ch, method: 'REGISTER',
 *   uri: 'sip:example.org', username: 'u', password: secret })]);
 */
import { createHash } from 'node:crypto';
import { randomToken } from './build.ts';

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque: string | undefined;
  algorithm: DigestAlgorithm;
  /** Offered qop values, lowercased (empty: RFC 2069 style). */
  qop: string[];
  stale: boolean;
}

const algorithms: Record<string, DigestAlgorithm> = {
  md5: 'MD5',
  'md5-sess': 'MD5-sess',
  'sha-256': 'SHA-256',
  'sha-256-sess': 'SHA-256-sess',
};

/** Parses one challenge; undefined for other schemes, unknown algorithms or missing nonce/realm. */
export function parseDigestChallenge(value: string): DigestChallenge | undefined {
  const m = /^\s*digest\s+/i.exec(value);
  if (!m) return undefined;
  const params = parseAuthParams(value.slice(m[0].length));
  const realm = params.get('realm');
  const nonce = params.get('nonce');
  const algorithm = algorithms[(params.get('algorithm') ?? 'MD5').toLowerCase()];
  if (realm === undefined || !nonce || !algorithm) return undefined;
  return {
    realm,
    nonce,
    opaque: params.get('opaque'),
    algorithm,
    qop: (params.get('qop') ?? '')
      .split(',')
      .map((q) => q.trim().toLowerCase())
      .filter(Boolean),
    stale: (params.get('stale') ?? '').toLowerCase() === 'true',
  };
}

/** Of several challenges (one header line each), the strongest we can answer: SHA-256 first. */
export function chooseChallenge(values: readonly string[]): DigestChallenge | undefined {
  const parsed = values.map(parseDigestChallenge).filter((c): c is DigestChallenge => c !== undefined);
  return parsed.find((c) => c.algorithm.startsWith('SHA-256')) ?? parsed[0];
}

/** `a=b, c="d, e"` → Map (names lowercased, quotes and backslash escapes removed). */
export function parseAuthParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /\s*([A-Za-z0-9_\-.]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?/y;
  let match: RegExpExecArray | null = re.exec(text);
  while (match) {
    const quoted = match[2];
    params.set(
      match[1]!.toLowerCase(),
      quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (match[3] ?? ''),
    );
    if (re.lastIndex >= text.length) break;
    match = re.exec(text);
  }
  return params;
}

export interface DigestAnswer {
  challenge: DigestChallenge;
  method: string;
  uri: string;
  username: string;
  password: string;
  /** Request body, needed only for qop `auth-int`. */
  body?: string;
  /** Fixed in tests; random otherwise. */
  cnonce?: string;
  nonceCount?: number;
}

/** The header value (`Digest username="…", …`) answering the challenge. */
export function digestAuthorization(answer: DigestAnswer): string {
  const { challenge: ch } = answer;
  const hash = ch.algorithm.startsWith('SHA-256') ? sha256 : md5;
  const qop = ch.qop.includes('auth') ? 'auth' : ch.qop.includes('auth-int') ? 'auth-int' : undefined;
  const cnonce = answer.cnonce ?? randomToken(8);
  const nc = (answer.nonceCount ?? 1).toString(16).padStart(8, '0');
  let ha1 = hash(`${answer.username}:${ch.realm}:${answer.password}`);
  if (ch.algorithm.endsWith('-sess')) ha1 = hash(`${ha1}:${ch.nonce}:${cnonce}`);
  const ha2 =
    qop === 'auth-int'
      ? hash(`${answer.method}:${answer.uri}:${hash(answer.body ?? '')}`)
      : hash(`${answer.method}:${answer.uri}`);
  const response = qop
    ? hash(`${ha1}:${ch.nonce}:${nc}:${cnonce}:${qop}:${ha2}`)
    : hash(`${ha1}:${ch.nonce}:${ha2}`);
  const parts = [
    `username="${quote(answer.username)}"`,
    `realm="${quote(ch.realm)}"`,
    `nonce="${quote(ch.nonce)}"`,
    `uri="${quote(answer.uri)}"`,
    `response="${response}"`,
    `algorithm=${ch.algorithm}`,
  ];
  if (ch.opaque !== undefined) parts.push(`opaque="${quote(ch.opaque)}"`);
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${quote(cnonce)}"`);
  return `Digest ${parts.join(', ')}`;
}

function quote(s: string): string {
  return s.replace(/[\r\n]/g, '').replace(/["\\]/g, '\\$&');
}

function md5(s: string): string {
  return createHash('md5').update(s, 'utf8').digest('hex');
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}
