/**
 * @module Where a SIP URI sends a request (RFC 3261 §19.1, without DNS NAPTR/SRV): `sip:` over
 * UDP unless `;transport=tcp|tls`, `sips:` over TLS; port 5060, or 5061 for TLS. Pure.
 *
 * @example
 * sipTarget('sip:ping@127.0.0.1:5070;transport=tcp'); // { transport: 'TCP', host: '127.0.0.1', port: 5070, … }
 */
import type { SipTransportName } from './build.ts';

export interface SipTarget {
  transport: SipTransportName;
  host: string;
  port: number;
  /** `host` or `host:port` as written, for a REGISTER's Request-URI and To. */
  domain: string;
  user: string | undefined;
  secure: boolean;
}

const uriRe = /^(sips?):(?:([^@;\s]+)@)?(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?((?:;[^;\s]*)*)$/i;

/** The transport, host and port a URI names; undefined for anything that is not a usable SIP URI. */
export function sipTarget(uri: string): SipTarget | undefined {
  const m = uriRe.exec(uri.trim());
  if (!m) return undefined;
  const secure = m[1]!.toLowerCase() === 'sips';
  const transportParam = /;transport=([a-z]+)/i.exec(m[5] ?? '')?.[1]?.toUpperCase();
  let transport: SipTransportName = secure ? 'TLS' : 'UDP';
  if (transportParam === 'TCP' || transportParam === 'TLS' || transportParam === 'UDP')
    transport = transportParam;
  else if (transportParam !== undefined) return undefined;
  if (secure && transport === 'UDP') return undefined;
  if (secure) transport = 'TLS';
  const port = m[4] === undefined ? (transport === 'TLS' ? 5061 : 5060) : Number(m[4]);
  if (port < 1 || port > 65_535) return undefined;
  const hostText = m[3]!;
  const host = hostText.startsWith('[') ? hostText.slice(1, -1) : hostText;
  return {
    transport,
    host,
    port,
    domain: m[4] === undefined ? hostText : `${hostText}:${m[4]}`,
    user: m[2],
    secure,
  };
}
