/**
 * @module HEP collector and /metrics settings, read with the rest of the configuration in env.ts.
 * See docs/TELEMETRY.md.
 */
import { parseIp } from '#src/domain/peer-address.ts';

export interface TelemetryConfig {
  /** HEP v3 collector port, UDP and TCP; 0 turns the collector off. */
  hepPort: number;
  /** Address the HEP collector binds; `::` receives IPv6 and IPv4. */
  hepHost: string;
  /** Auth key every HEP packet must carry (chunk 14), or none. */
  hepAuthKey: string | undefined;
  /** Bearer token `/metrics` requires, or none (then restrict it at the proxy). */
  metricsToken: string | undefined;
}

export function readTelemetryEnv(
  env: Record<string, string | undefined>,
  problems: string[],
): TelemetryConfig {
  const rawPort = env.DIALTONE_HEP_PORT;
  let hepPort = 9060;
  if (rawPort !== undefined && rawPort !== '') {
    const n = Number(rawPort);
    if (Number.isInteger(n) && n >= 0 && n <= 65535) hepPort = n;
    else problems.push(`DIALTONE_HEP_PORT: expected a whole number from 0 (off) to 65535, got "${rawPort}"`);
  }
  const hepHost = env.DIALTONE_HEP_HOST || '::';
  if (!parseIp(hepHost))
    problems.push(`DIALTONE_HEP_HOST: expected an IPv4 or IPv6 address, got "${hepHost}"`);
  const metricsToken = env.DIALTONE_METRICS_TOKEN || undefined;
  if (metricsToken !== undefined && metricsToken.length < 24) {
    problems.push('DIALTONE_METRICS_TOKEN: at least 24 characters (e.g. openssl rand -hex 24)');
  }
  return { hepPort, hepHost, hepAuthKey: env.DIALTONE_HEP_AUTH_KEY || undefined, metricsToken };
}
