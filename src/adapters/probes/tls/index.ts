/**
 * @module TLS certificate probe: completes a handshake and reads the peer certificate's end of
 * validity. `down` when fewer than `minDaysLeft` days remain or the chain is not trusted;
 * `certificateDaysLeft`, `certificateWarning` (1 under `warnDaysLeft`) and `certificateExpiresAt` (Unix s) go to the metrics so a
 * renewal can be chased before anything breaks.
 *
 * @example
 * await probeTls({ host: 'portal.example.net', port: 443, timeoutMs: 2000, minDaysLeft: 14, warnDaysLeft: 30 });
 * // → { outcome: 'up', detail: '61 days left (until 2027-01-22)', metrics: { certificateDaysLeft: 61, certificateWarning: 0 } }
 */
import { connect } from 'node:tls';
import type { ProbeOptions, ProbeResult } from '../probe.ts';

export interface TlsProbeSettings {
  host: string;
  port: number;
  timeoutMs: number;
  minDaysLeft: number;
  warnDaysLeft: number;
  /** SNI name when it differs from host (an IP target, a shared front). */
  serverName?: string;
  /** Extra trusted CA (PEM), e.g. a private CA; the system store is used besides. */
  ca?: string;
  /** For tests: the instant to count days from. */
  now?: () => Date;
}

const dayMs = 86_400_000;

export function probeTls(settings: TlsProbeSettings, options: ProbeOptions = {}): Promise<ProbeResult> {
  const started = performance.now();
  const rtt = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const servername = settings.serverName ?? (/^[\d.]+$|:/.test(settings.host) ? undefined : settings.host);
    const socket = connect({
      host: settings.host,
      port: settings.port,
      ...(servername ? { servername } : {}),
      ...(settings.ca ? { ca: settings.ca } : {}),
      // Read the certificate even when untrusted, then judge: "expired" says more than "handshake failed".
      rejectUnauthorized: false,
    });
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish({ outcome: 'down', rttMs: rtt(), detail: 'aborted' });
    const timer = setTimeout(
      () => finish({ outcome: 'down', rttMs: rtt(), detail: `timeout after ${settings.timeoutMs} ms` }),
      settings.timeoutMs,
    );
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      const validTo = cert?.valid_to ? new Date(cert.valid_to) : null;
      if (!validTo || Number.isNaN(validTo.getTime())) {
        return finish({ outcome: 'down', rttMs: rtt(), detail: 'no certificate' });
      }
      const now = (settings.now ?? (() => new Date()))();
      const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / dayMs);
      const metrics = {
        certificateDaysLeft: daysLeft,
        certificateWarning: daysLeft < settings.warnDaysLeft ? 1 : 0,
        certificateExpiresAt: Math.floor(validTo.getTime() / 1000),
      };
      const until = validTo.toISOString().slice(0, 10);
      const untrusted = socket.authorized ? null : String(socket.authorizationError ?? 'untrusted');
      if (untrusted && untrusted !== 'CERT_HAS_EXPIRED') {
        return finish({
          outcome: 'down',
          rttMs: rtt(),
          detail: `certificate not trusted: ${untrusted}`,
          metrics,
        });
      }
      const detail = `${daysLeft} days left (until ${until})`;
      finish({ outcome: daysLeft < settings.minDaysLeft ? 'down' : 'up', rttMs: rtt(), detail, metrics });
    });
    socket.once('error', (err: NodeJS.ErrnoException) =>
      finish({ outcome: 'down', rttMs: rtt(), detail: err.code ?? err.message }),
    );
  });
}
