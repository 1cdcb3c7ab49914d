/**
 * @module The SSRF guard: every URL dialtone sends to on someone else's say-so (subscriber
 * webhooks, chat webhooks, SMS gateways) is checked twice — when it is entered
 * (`validateOutboundUrl`, gives the form a reason) and when a connection is made
 * (`guardedFetch` in ./guarded-fetch.ts resolves the name itself and checks every address, so a
 * name that resolved to a public address at validation and to 169.254.169.254 later — DNS
 * rebinding — is refused).
 *
 * Always refused: link-local (169.254/16, fe80::/10), cloud metadata addresses, 0.0.0.0/::,
 * multicast, reserved and documentation ranges. Private ranges and loopback only when the admin
 * allows them (`DIALTONE_OUTBOUND_ALLOW_PRIVATE`).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AddressClass, classifyAddress } from './ip-ranges.ts';

export {
  type FetchResult,
  type GuardedRequest,
  type GuardedResponse,
  guardedFetch,
} from './guarded-fetch.ts';

export interface OutboundPolicy {
  /** Allow private ranges (10/8, 172.16/12, 192.168/16, fc00::/7, CGNAT) and loopback. */
  allowPrivate: boolean;
}

export type RefusalReason =
  | 'invalid_url'
  | 'scheme'
  | 'credentials'
  | 'unresolvable'
  | Exclude<AddressClass, 'public' | 'invalid'>;

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: RefusalReason; detail: string };

/** Resolves a host name to all its addresses; injectable so tests need no DNS server. */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

// Names that reach a metadata service whatever they resolve to inside a cloud.
const metadataNames = new Set([
  'metadata',
  'metadata.google.internal',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** Why this address may not be contacted under the policy, or null when it may. */
export function refuseAddress(address: string, policy: OutboundPolicy): RefusalReason | null {
  const cls = classifyAddress(address);
  if (cls === 'public') return null;
  if (cls === 'invalid') return 'unresolvable';
  if ((cls === 'private' || cls === 'loopback') && policy.allowPrivate) return null;
  return cls;
}

/** The host as an address when the URL names one (`[::1]` → `::1`), else null. */
export function literalAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return isIP(bare) ? bare : null;
}

/**
 * Checks a URL's shape and, when its host is an address, the address — no DNS. The WHATWG URL
 * parser has already turned decimal and octal IPv4 forms (`http://2852039166/`,
 * `http://0251.0376.0251.0376/`) into dotted form, so they are judged as the address they are.
 */
export function checkUrlShape(raw: string, policy: OutboundPolicy): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: 'invalid_url', detail: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'scheme', detail: `scheme ${url.protocol} not allowed` };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'credentials', detail: 'credentials in the URL are not allowed' };
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (metadataNames.has(host))
    return { ok: false, reason: 'metadata', detail: `${host} is a metadata service` };
  const literal = literalAddress(host);
  const reason = literal ? refuseAddress(literal, policy) : null;
  if (reason) return { ok: false, reason, detail: `${literal} is ${reason}` };
  return { ok: true, url };
}

/** Checks a URL's shape and every address its host resolves to (when a person enters it). */
export async function validateOutboundUrl(
  raw: string,
  policy: OutboundPolicy,
  resolve: Resolver = systemResolver,
): Promise<UrlVerdict> {
  const shape = checkUrlShape(raw, policy);
  if (!shape.ok || literalAddress(shape.url.hostname)) return shape;
  const refusal = await checkHost(shape.url.hostname, policy, resolve);
  return refusal ? { ok: false, ...refusal } : shape;
}

/** Resolves a host and refuses if any of its addresses is refused. */
export async function checkHost(
  hostname: string,
  policy: OutboundPolicy,
  resolve: Resolver,
): Promise<{ reason: RefusalReason; detail: string } | null> {
  let addresses: string[];
  try {
    addresses = await resolve(hostname);
  } catch {
    return { reason: 'unresolvable', detail: `${hostname} does not resolve` };
  }
  if (addresses.length === 0) return { reason: 'unresolvable', detail: `${hostname} does not resolve` };
  for (const address of addresses) {
    const reason = refuseAddress(address, policy);
    if (reason) return { reason, detail: `${hostname} → ${address} is ${reason}` };
  }
  return null;
}
