/**
 * @module SIP REGISTER probe (RFC 3261 §10) with digest authentication: REGISTER, answer one
 * 401/407 challenge (MD5 or SHA-256), expect an accepted code (default `200-299`). The time from
 * the first REGISTER to the final answer is `metrics.registrationMs`. The password arrives
 * resolved by the probe runner (the catalog holds only `env:NAME`) and never appears in a result.
 * 503 is `overloaded`. Never throws; the socket is closed on every path.
 *
 * @example
 * await probeSipRegister({ target: 'sip:127.0.0.1:5070', timeoutMs: 2000, username: 'probe', password });
 * // { outcome: 'up', rttMs: 4, code: 200, detail: '200 OK', metrics: { registrationMs: 4 } }
 */
import { codeAccepted, parseCodeRanges } from '#src/domain/monitor.ts';
import { randomToken } from '../../sip/build.ts';
import { chooseChallenge, digestAuthorization } from '../../sip/digest.ts';
import {
  type Exchange,
  failed,
  statusText,
  type TlsSettings,
  uriHost,
  withSipExchange,
} from '../../sip/exchange.ts';
import type { ProbeOptions, ProbeResult } from '../probe.ts';

export interface SipRegisterSettings extends TlsSettings {
  /** Registrar URI, e.g. `sip:registrar.example.net;transport=tls`; its host is the domain. */
  target: string;
  timeoutMs: number;
  username: string;
  /** The secret itself (resolved from the environment by the runner). */
  password: string;
  /** Requested binding lifetime in seconds. Default 60. */
  expires?: number;
  accept?: string;
}

export function probeSipRegister(
  settings: SipRegisterSettings,
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
  return withSipExchange(settings.target, settings.timeoutMs, settings, options, (x) =>
    register(x, settings, accept),
  );
}

async function register(
  x: Exchange,
  settings: SipRegisterSettings,
  accept: NonNullable<ReturnType<typeof parseCodeRanges>>,
): Promise<ProbeResult> {
  const scheme = x.target.secure ? 'sips' : 'sip';
  const aor = `${scheme}:${settings.username}@${x.target.domain}`;
  const requestUri = `${scheme}:${x.target.domain}`;
  const local = `${uriHost(x.connection.local.host)}:${x.connection.local.port}`;
  const transport = x.target.transport.toLowerCase();
  const common = {
    method: 'REGISTER',
    uri: requestUri,
    from: { uri: aor, tag: randomToken(6) },
    to: { uri: aor },
    callId: `${randomToken(12)}@dialtone`,
    contact: `<${scheme}:${settings.username}@${local};transport=${transport}>`,
  };
  const expires: [string, string] = ['Expires', String(settings.expires ?? 60)];
  let outcome = await x.send({ ...common, cseq: 1, headers: [expires] });
  let challenged = false;
  if (outcome.ok && outcome.response.kind === 'response' && [401, 407].includes(outcome.response.status)) {
    const proxy = outcome.response.status === 407;
    const challenge = chooseChallenge(
      outcome.response.headers.getAll(proxy ? 'proxy-authenticate' : 'www-authenticate'),
    );
    if (!challenge) {
      return {
        outcome: 'down',
        rttMs: x.elapsedMs(),
        code: outcome.response.status,
        detail: 'challenge without a usable digest',
      };
    }
    const authorization = digestAuthorization({
      challenge,
      method: 'REGISTER',
      uri: requestUri,
      username: settings.username,
      password: settings.password,
    });
    challenged = true;
    outcome = await x.send({
      ...common,
      cseq: 2,
      headers: [expires, [proxy ? 'Proxy-Authorization' : 'Authorization', authorization]],
    });
  }
  const rttMs = x.elapsedMs();
  if (!outcome.ok) return failed(outcome, rttMs);
  if (outcome.response.kind !== 'response') return { outcome: 'down', rttMs, detail: 'not a response' };
  const code = outcome.response.status;
  const detail = statusText(outcome.response);
  if (codeAccepted(accept, code))
    return { outcome: 'up', rttMs, code, detail, metrics: { registrationMs: rttMs } };
  if (code === 503) return { outcome: 'overloaded', rttMs, code, detail };
  if (challenged && (code === 401 || code === 407)) {
    return { outcome: 'down', rttMs, code, detail: `credentials rejected (${detail})` };
  }
  return { outcome: 'down', rttMs, code, detail: `unexpected ${detail}` };
}
