/**
 * @module Turns a monitor row into a call of the probe of its kind: reads the stored settings,
 * resolves secrets from the environment variables the catalog names (`env:NAME`; the value is
 * never stored, logged or shown), and returns the probe's result. A complete map from kind to
 * probe, so a new kind without a probe does not compile. Never throws.
 */
import { type DnsRecordType, probeDns } from '#src/adapters/probes/dns/index.ts';
import { probeHttp } from '#src/adapters/probes/http/index.ts';
import type { ProbeOptions, ProbeResult } from '#src/adapters/probes/probe.ts';
import { probeSipOptions } from '#src/adapters/probes/sip-options/index.ts';
import { probeSipRegister } from '#src/adapters/probes/sip-register/index.ts';
import { probeTcp } from '#src/adapters/probes/tcp/index.ts';
import { probeTls } from '#src/adapters/probes/tls/index.ts';
import type { MonitorTable } from '#src/adapters/store/schema/monitors.ts';
import { dnsServer, hostPort, type MonitorSettings } from '#src/domain/catalog-monitors.ts';
import { isMonitorKind, type MonitorKind } from '#src/domain/monitor.ts';
import { parseSettings } from '#src/services/catalog/monitors.ts';

export type ProbeMonitor = Pick<MonitorTable, 'id' | 'kind' | 'target' | 'settings' | 'timeout_ms'>;
export type Env = Readonly<Record<string, string | undefined>>;
type ProbeCall = (
  m: ProbeMonitor,
  s: MonitorSettings,
  env: Env,
  options: ProbeOptions,
) => Promise<ProbeResult>;

const down = (detail: string): Promise<ProbeResult> => Promise.resolve({ outcome: 'down', rttMs: 0, detail });
const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

const probes: Record<MonitorKind, ProbeCall> = {
  'sip-options': (m, s, _env, o) =>
    probeSipOptions(
      { target: m.target, timeoutMs: m.timeout_ms, ...optional('accept', text(s.accept)), ...sipTls(s) },
      o,
    ),
  'sip-register': (m, s, env, o) => {
    const ref = text(s.password) ?? '';
    const password = ref.startsWith('env:') ? env[ref.slice(4)] : undefined;
    // Name the variable, never the value.
    if (!password) return down(`secret ${ref || '(none)'} is not set in the environment`);
    return probeSipRegister(
      {
        target: m.target,
        timeoutMs: m.timeout_ms,
        username: text(s.username) ?? '',
        password,
        expires: num(s.expires, 60),
        ...optional('accept', text(s.accept)),
        ...sipTls(s),
      },
      o,
    );
  },
  http: (m, s, _env, o) =>
    probeHttp(
      {
        url: m.target,
        timeoutMs: m.timeout_ms,
        followRedirects: s.followRedirects === true,
        method: s.method === 'HEAD' ? 'HEAD' : 'GET',
        ...optional('accept', text(s.accept)),
        ...optional('keyword', text(s.keyword)),
      },
      o,
    ),
  tcp: (m, _s, _env, o) => {
    const hp = hostPort(m.target, null);
    return hp ? probeTcp({ ...hp, timeoutMs: m.timeout_ms }, o) : down(`invalid target ${m.target}`);
  },
  dns: (m, s, _env, o) => {
    const server = dnsServer(text(s.server) ?? '');
    if (!server) return down(`invalid DNS server ${String(s.server)}`);
    const type = (text(s.type) ?? 'A') as DnsRecordType;
    return probeDns(
      { name: m.target, type, server, timeoutMs: m.timeout_ms, ...optional('expect', text(s.expect)) },
      o,
    );
  },
  tls: (m, s, _env, o) => {
    const hp = hostPort(m.target, 443);
    if (!hp) return down(`invalid target ${m.target}`);
    return probeTls(
      {
        ...hp,
        timeoutMs: m.timeout_ms,
        minDaysLeft: num(s.minDaysLeft, 14),
        warnDaysLeft: num(s.warnDaysLeft, 30),
        ...optional('serverName', text(s.serverName)),
      },
      o,
    );
  },
  // Heartbeats are passive: the job calls us; the runner only checks for missed pings.
  heartbeat: () => down('a heartbeat is not probed'),
};

const sipTls = (s: MonitorSettings) => ({
  ...optional('tlsServerName', text(s.tlsServerName)),
  ...(s.tlsInsecure === true ? { tlsInsecure: true } : {}),
});

/** `{ key: value }` when the value is there, `{}` otherwise (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export async function runProbe(
  monitor: ProbeMonitor,
  env: Env,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  if (!isMonitorKind(monitor.kind)) return down(`unknown kind ${monitor.kind}`);
  try {
    return await probes[monitor.kind](monitor, parseSettings(monitor.settings), env, options);
  } catch (err) {
    // Probes promise not to throw; should one break that promise, it is a failed check, not a crash.
    return {
      outcome: 'down',
      rttMs: 0,
      detail: `probe error: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
