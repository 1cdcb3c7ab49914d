/**
 * @module SIP OPTIONS probe ("SIP ping", RFC 3261 §11) over UDP, TCP or TLS: sends OPTIONS to
 * the target URI and judges the final answer. An accepted code (default `200-299`) is `up`, 503
 * is `overloaded` (the peer is there but refuses work), anything else or no answer is `down`.
 * Never throws; the socket is closed on every path.
 *
 * @example
 * await probeSipOptions({ target: 'sip:ping@127.0.0.1:5070;transport=tcp', timeoutMs: 2000, accept: '200-299,404' });
 * // { outcome: 'up', rttMs: 3, code: 200, detail: '200 OK' }
 */
import { codeAccepted, parseCodeRanges } from '#src/domain/monitor.ts';
import { failed, statusText, type TlsSettings, uriHost, withSipExchange } from '../../sip/exchange.ts';
import type { ProbeOptions, ProbeResult } from '../probe.ts';

export interface SipOptionsSettings extends TlsSettings {
  /** `sip:` / `sips:` URI; `;transport=` picks TCP or TLS. */
  target: string;
  timeoutMs: number;
  /** Accepted final codes as ranges, e.g. `200-299,404`. Default `200-299`. */
  accept?: string;
}

export function probeSipOptions(
  settings: SipOptionsSettings,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const accept = parseCodeRanges(settings.accept ?? '200-299');
  if (!accept) {
    return Promise.resolve({
      outcome: 'down',
      rttMs: 0,
      detail: `invalid accepted codes: ${settings.accept}`,
    });
  }
  return withSipExchange(settings.target, settings.timeoutMs, settings, options, async (x) => {
    const local = `${uriHost(x.connection.local.host)}:${x.connection.local.port}`;
    const outcome = await x.send({
      method: 'OPTIONS',
      uri: settings.target,
      from: { uri: `sip:dialtone@${local}` },
      to: { uri: settings.target },
      headers: [['Accept', 'application/sdp']],
    });
    const rttMs = x.elapsedMs();
    if (!outcome.ok) return failed(outcome, rttMs);
    const response = outcome.response;
    if (response.kind !== 'response') return { outcome: 'down', rttMs, detail: 'not a response' };
    const code = response.status;
    const detail = statusText(response);
    if (codeAccepted(accept, code)) return { outcome: 'up', rttMs, code, detail };
    if (code === 503) return { outcome: 'overloaded', rttMs, code, detail };
    return { outcome: 'down', rttMs, code, detail: `unexpected ${detail}` };
  });
}
