/**
 * @module DNS probe: asks one configured server (not the system resolver: the point is to watch
 * that server) for a name and record type; up when it answers, and, if an expected answer is
 * configured, when the answer contains it. One try within the timeout.
 *
 * @example
 * await probeDns({ name: 'sip.example.net', type: 'A', server: { host: '192.0.2.53', port: 53 }, timeoutMs: 2000, expect: '192.0.2.10' });
 */
import { Resolver } from 'node:dns/promises';
import type { ProbeOptions, ProbeResult } from '../probe.ts';

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'NS' | 'TXT';

export interface DnsProbeSettings {
  name: string;
  type: DnsRecordType;
  server: { host: string; port: number };
  timeoutMs: number;
  /** An answer that must be among the answers (MX: the exchange; TXT: the joined strings). */
  expect?: string;
}

export async function probeDns(settings: DnsProbeSettings, options: ProbeOptions = {}): Promise<ProbeResult> {
  const started = performance.now();
  const rtt = () => Math.round(performance.now() - started);
  const resolver = new Resolver({ timeout: settings.timeoutMs, tries: 1 });
  const onAbort = () => resolver.cancel();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const { host, port } = settings.server;
    resolver.setServers([host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`]);
    const answers = normalise(settings.type, await resolver.resolve(settings.name, settings.type));
    const shown = answers.slice(0, 3).join(', ');
    if (settings.expect && !answers.some((a) => sameAnswer(a, settings.expect!))) {
      return {
        outcome: 'down',
        rttMs: rtt(),
        detail: `answer ${shown || '(none)'} lacks ${settings.expect}`,
      };
    }
    return { outcome: 'up', rttMs: rtt(), detail: `${settings.type} ${shown}` };
  } catch (err) {
    if (options.signal?.aborted) return { outcome: 'down', rttMs: rtt(), detail: 'aborted' };
    const code = (err as NodeJS.ErrnoException).code;
    const detail = code === 'ETIMEOUT' ? `timeout after ${settings.timeoutMs} ms` : (code ?? String(err));
    return { outcome: 'down', rttMs: rtt(), detail };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function normalise(type: DnsRecordType, raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((a: unknown) => {
    if (type === 'MX') return String((a as { exchange?: string }).exchange ?? '');
    if (type === 'TXT') return Array.isArray(a) ? a.join('') : String(a);
    return String(a);
  });
}

/** Names compare without case and trailing dot; IPv6 addresses as written by the resolver. */
const sameAnswer = (a: string, b: string) =>
  a.toLowerCase().replace(/\.$/, '') === b.toLowerCase().replace(/\.$/, '');
