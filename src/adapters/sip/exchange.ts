/**
 * @module One probe's SIP conversation: open a connection to a target URI, run the caller's
 * transactions, close it whatever happens. Turns transport failures into a `ProbeResult` so the
 * probes only describe their own exchange.
 */
import type { ProbeOptions, ProbeResult } from '../probes/probe.ts';
import { buildRequest, type RequestSpec } from './build.ts';
import type { SipMessage } from './message.ts';
import {
  type OpenResult,
  openSipConnection,
  type SipConnection,
  type TransactionOutcome,
} from './transport.ts';
import { type SipTarget, sipTarget } from './uri.ts';

export interface TlsSettings {
  /** Server name for SNI and the certificate check (default: the URI's host unless an IP). */
  tlsServerName?: string;
  /** `true` accepts self-signed lab certificates. Default false. */
  tlsInsecure?: boolean;
  /** Extra trusted CA (PEM), e.g. a lab CA. */
  tlsCa?: string;
}

export interface Exchange {
  target: SipTarget;
  connection: SipConnection;
  /** Sends a request built from `spec` (Via filled from the connection) within the time left. */
  send(spec: Omit<RequestSpec, 'via'>): Promise<TransactionOutcome>;
  elapsedMs(): number;
}

/** Runs `talk` on a fresh connection; down results for unusable URIs, refused or timed-out connects. */
export async function withSipExchange(
  uri: string,
  timeoutMs: number,
  tlsSettings: TlsSettings,
  options: ProbeOptions,
  talk: (exchange: Exchange) => Promise<ProbeResult>,
): Promise<ProbeResult> {
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);
  const target = sipTarget(uri);
  if (!target) return { outcome: 'down', rttMs: 0, detail: `not a usable SIP URI: ${uri}` };
  let opened: OpenResult;
  try {
    opened = await openSipConnection(
      {
        transport: target.transport,
        host: target.host,
        port: target.port,
        ...(tlsSettings.tlsServerName ? { serverName: tlsSettings.tlsServerName } : {}),
        rejectUnauthorized: tlsSettings.tlsInsecure !== true,
        ...(tlsSettings.tlsCa ? { ca: tlsSettings.tlsCa } : {}),
      },
      { timeoutMs, ...(options.signal ? { signal: options.signal } : {}) },
    );
  } catch (err) {
    return { outcome: 'down', rttMs: elapsedMs(), detail: `cannot open ${target.transport}: ${String(err)}` };
  }
  if (!opened.ok)
    return { outcome: 'down', rttMs: elapsedMs(), detail: `${target.transport} ${opened.detail}` };
  const { connection } = opened;
  const exchange: Exchange = {
    target,
    connection,
    elapsedMs,
    send: async (spec) => {
      const left = Math.max(1, timeoutMs - elapsedMs());
      const built = buildRequest({ ...spec, via: { transport: target.transport, ...connection.local } });
      const outcome = await connection.request(built, spec.method, left);
      if (outcome.ok || outcome.error !== 'timeout') return outcome;
      // Name the monitor's timeout, not what was left of it after connecting.
      const n = outcome.transmissions;
      return { ...outcome, detail: `timeout after ${timeoutMs} ms (${n} transmission${n === 1 ? '' : 's'})` };
    },
  };
  try {
    return await talk(exchange);
  } catch (err) {
    // talk() is ours and should not throw; if it does, the probe still reports instead of crashing.
    return { outcome: 'down', rttMs: elapsedMs(), detail: `probe error: ${String(err)}` };
  } finally {
    connection.close();
  }
}

/** `down` with the transport's own words (timeout, refused, closed, aborted). */
export function failed(outcome: Extract<TransactionOutcome, { ok: false }>, rttMs: number): ProbeResult {
  return { outcome: 'down', rttMs, detail: outcome.detail };
}

export function statusText(response: SipMessage): string {
  return response.kind === 'response' ? `${response.status} ${response.reason}`.trim() : '';
}

/** `local` host formatted for a URI (IPv6 in brackets). */
export function uriHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
