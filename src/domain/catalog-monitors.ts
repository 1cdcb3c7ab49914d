/**
 * @module The catalog's `monitors:` section and the components' `alerting:` field: validation of
 * the untyped document with path-precise errors (kinds, ranges, URLs, SIP URIs, code ranges,
 * secrets only as `env:NAME`). Pure; read by validateCatalog (catalog.ts).
 *
 * @example
 * monitors:
 *   - id: sbc-options
 *     component: sip-trunk
 *     kind: sip-options
 *     name: { de: SBC erreichbar, en: SBC reachable }
 *     target: sip:sbc1.example.net;transport=tls
 *     settings: { accept: 200-299 }
 */
import type { Bilingual, Obj, Reader } from './catalog.ts';
import {
  formatDuration,
  isMonitorKind,
  type MonitorKind,
  monitorKinds,
  parseCodeRanges,
  parseDuration,
} from './monitor.ts';

/** Settings as stored (JSON): numbers, texts, booleans; secrets as `env:NAME`. */
export type MonitorSettings = Record<string, string | number | boolean>;

export interface MonitorSpec {
  id: string;
  component: string;
  kind: MonitorKind;
  name: Bilingual;
  target: string;
  settings: MonitorSettings;
  intervalMs: number;
  timeoutMs: number;
  downAfter: number;
  enabled: boolean;
}

export interface AlertingSpec {
  /** `confirm`: an operator turns an alert into an incident; `auto`: it opens one itself. */
  policy: 'confirm' | 'auto';
  /** `propose`: recovery suggests resolving; `auto`: recovery resolves. */
  resolve: 'propose' | 'auto';
}

export const defaultAlerting: AlertingSpec = { policy: 'confirm', resolve: 'propose' };
export const monitorDefaults = { intervalMs: 15_000, timeoutMs: 2_000, downAfter: 2 } as const;
/** Bounds: a probe more often than every 5 s loads the peer; a timeout beyond 60 s hides trouble. */
const bounds = {
  intervalMs: [5_000, 3_600_000],
  timeoutMs: [100, 60_000],
  downAfter: [1, 10],
  periodSeconds: [60, 31 * 86_400],
  graceSeconds: [0, 86_400],
  minDaysLeft: [0, 365],
  expires: [60, 86_400],
  warnDaysLeft: [0, 365],
} as const;

const envRef = /^env:[A-Z_][A-Z0-9_]{0,63}$/;
const hostPattern = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63})*)$/;
const sipUriPattern =
  /^(sips?):(?:[^@;\s]+@)?(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?((?:;[A-Za-z0-9-]+(?:=[A-Za-z0-9.-]+)?)*)$/;
const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const ipv6 = /^[0-9a-fA-F:.]*:[0-9a-fA-F:.]*$/;
const dnsTypes = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT'] as const;

/** Keys each kind's `settings` may carry. */
const settingKeys: Record<MonitorKind, readonly string[]> = {
  'sip-options': ['accept', 'tlsServerName', 'tlsInsecure'],
  'sip-register': ['username', 'password', 'expires', 'accept', 'tlsServerName', 'tlsInsecure'],
  http: ['accept', 'keyword', 'followRedirects', 'method'],
  tcp: [],
  dns: ['server', 'type', 'expect'],
  tls: ['minDaysLeft', 'warnDaysLeft', 'serverName'],
  heartbeat: ['periodSeconds', 'graceSeconds'],
};

export function readMonitor(r: Reader, o: Obj, path: string, id: string): MonitorSpec | null {
  const before = r.errors.length;
  const component = r.slug(o.component, `${path}.component`, 'catalog.error.invalidReference');
  const kind = isMonitorKind(o.kind)
    ? o.kind
    : r.fail(`${path}.kind`, 'monitors.catalog.invalidKind', {
        value: String(o.kind ?? ''),
        allowed: monitorKinds.join(', '),
      });
  const name = r.bilingual(o.name, `${path}.name`, 200);
  const intervalMs = duration(
    r,
    o.interval,
    `${path}.interval`,
    monitorDefaults.intervalMs,
    bounds.intervalMs,
  );
  const timeoutMs = duration(r, o.timeout, `${path}.timeout`, monitorDefaults.timeoutMs, bounds.timeoutMs);
  if (intervalMs !== null && timeoutMs !== null && timeoutMs >= intervalMs && kind !== 'heartbeat') {
    r.fail(`${path}.timeout`, 'monitors.catalog.timeoutNotBelowInterval');
  }
  const downAfter = integer(r, o.downAfter, `${path}.downAfter`, monitorDefaults.downAfter, bounds.downAfter);
  const enabled = r.boolean(o.enabled, `${path}.enabled`, true);
  if (kind === null) return null;
  const target = readTarget(r, kind, o.target, `${path}.target`);
  const settings = readSettings(r, kind, o.settings ?? {}, `${path}.settings`);
  if (r.errors.length > before || !component || !name || target === null || !settings) return null;
  if (intervalMs === null || timeoutMs === null || downAfter === null) return null;
  return { id, component, kind, name, target, settings, intervalMs, timeoutMs, downAfter, enabled };
}

export function readAlerting(r: Reader, v: unknown, path: string): AlertingSpec {
  if (v === undefined || v === null) return defaultAlerting;
  const m = r.mapping(v, path, ['policy', 'resolve']);
  if (!m) return defaultAlerting;
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = m[key];
    if (value === undefined || value === null) return fallback;
    if (allowed.includes(value as T)) return value as T;
    r.fail(`${path}.${key}`, 'monitors.catalog.invalidChoice', {
      value: String(value),
      allowed: allowed.join(', '),
    });
    return fallback;
  };
  return {
    policy: pick('policy', ['confirm', 'auto'], defaultAlerting.policy),
    resolve: pick('resolve', ['propose', 'auto'], defaultAlerting.resolve),
  };
}

/** Every monitor's component must exist in the same document. */
export function checkMonitorReferences(
  r: Reader,
  monitors: readonly MonitorSpec[],
  componentPaths: ReadonlyMap<string, string>,
  monitorPaths: ReadonlyMap<string, string>,
) {
  for (const m of monitors) {
    if (!componentPaths.has(m.component)) {
      r.fail(`${monitorPaths.get(m.id)}.component`, 'catalog.error.unknownComponent', { id: m.component });
    }
  }
}

function duration(
  r: Reader,
  v: unknown,
  path: string,
  fallback: number,
  [min, max]: readonly [number, number],
): number | null {
  if (v === undefined || v === null) return fallback;
  const ms = parseDuration(v);
  if (ms === null) return r.fail(path, 'monitors.catalog.invalidDuration', { value: String(v) });
  if (ms < min || ms > max)
    return r.fail(path, 'monitors.catalog.durationRange', { min: `${min} ms`, max: `${max} ms` });
  return ms;
}

function integer(
  r: Reader,
  v: unknown,
  path: string,
  fallback: number | null,
  [min, max]: readonly [number, number],
): number | null {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    return r.fail(path, 'monitors.catalog.integerRange', { min, max });
  }
  return v;
}

function readTarget(r: Reader, kind: MonitorKind, v: unknown, path: string): string | null {
  if (kind === 'heartbeat') {
    if (v !== undefined && v !== null && v !== '') return r.fail(path, 'monitors.catalog.heartbeatNoTarget');
    return '';
  }
  const s = r.text(v, path, 500);
  if (s === null) return null;
  const ok =
    kind === 'sip-options' || kind === 'sip-register'
      ? checkSipUri(r, s, path)
      : kind === 'http'
        ? checkHttpUrl(s)
        : kind === 'dns'
          ? /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252})$/.test(s)
          : hostPort(s, kind === 'tls' ? 443 : null) !== null;
  if (ok === 'reported') return null;
  if (!ok) return r.fail(path, `monitors.catalog.invalidTarget.${kind}`, { value: s });
  return s;
}

function checkHttpUrl(s: string): boolean {
  if (!URL.canParse(s)) return false;
  const u = new URL(s);
  return (
    (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && !u.username && !u.password
  );
}

/** `sip:`/`sips:` URI with a host, optional port, `;transport=udp|tcp|tls` (sips never over UDP). */
function checkSipUri(r: Reader, s: string, path: string): boolean | 'reported' {
  const m = sipUriPattern.exec(s);
  if (!m) return false;
  if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 65_535)) return false;
  const transport = /;transport=([^;]*)/i.exec(m[4] ?? '')?.[1]?.toLowerCase();
  if (transport !== undefined && !['udp', 'tcp', 'tls'].includes(transport)) {
    r.fail(path, 'monitors.catalog.invalidTransport', { value: transport });
    return 'reported';
  }
  if (m[1] === 'sips' && transport === 'udp') {
    r.fail(path, 'monitors.catalog.sipsOverUdp');
    return 'reported';
  }
  return true;
}

/** `host:port`, `[v6]:port` (port may be left out when a default is given) → parts, or null. */
export function hostPort(s: string, defaultPort: number | null): { host: string; port: number } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(s);
  if (!m || !hostPattern.test(m[1]!)) return null;
  const port = m[2] === undefined ? defaultPort : Number(m[2]);
  if (port === null || port < 1 || port > 65_535) return null;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

function readSettings(r: Reader, kind: MonitorKind, v: unknown, path: string): MonitorSettings | null {
  const m = r.mapping(v, path, settingKeys[kind]);
  if (!m) return null;
  const out: MonitorSettings = {};
  const p = (k: string) => `${path}.${k}`;
  const text = (k: string, max: number) => {
    const s = r.text(m[k], p(k), max, false);
    if (s) out[k] = s;
  };
  const int = (k: keyof typeof bounds, fallback: number | null) => {
    const n = integer(r, m[k], p(k), fallback, bounds[k]);
    if (n !== null) out[k] = n;
  };
  const accept = (fallback: string | null) => {
    const s = m.accept === undefined ? fallback : r.text(String(m.accept), p('accept'), 200);
    if (s === null) return;
    if (parseCodeRanges(s)) out.accept = s.replace(/\s+/g, '');
    else r.fail(p('accept'), 'monitors.catalog.invalidCodeRanges', { value: s });
  };
  if (kind === 'sip-options' || kind === 'sip-register') {
    // Lab or private-CA peers over TLS: the name to check, or (lab only) no check at all.
    text('tlsServerName', 253);
    if (m.tlsInsecure !== undefined) out.tlsInsecure = r.boolean(m.tlsInsecure, p('tlsInsecure'), false);
  }
  if (kind === 'sip-options') accept('200-299');
  if (kind === 'sip-register') {
    text('username', 200);
    if (!out.username) r.fail(p('username'), 'error.required');
    const password = m.password;
    if (typeof password !== 'string' || !envRef.test(password)) {
      r.fail(p('password'), 'monitors.catalog.secretAsEnv');
    } else out.password = password;
    int('expires', 60);
    accept('200');
  }
  if (kind === 'http') {
    accept('200-299');
    text('keyword', 200);
    out.followRedirects = r.boolean(m.followRedirects, p('followRedirects'), false);
    const method = m.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD') out.method = method;
    else
      r.fail(p('method'), 'monitors.catalog.invalidChoice', { value: String(method), allowed: 'GET, HEAD' });
    if (out.keyword && out.method === 'HEAD') r.fail(p('keyword'), 'monitors.catalog.keywordWithHead');
  }
  if (kind === 'dns') {
    const server = r.text(m.server, p('server'), 100);
    const hp = server === null ? null : dnsServer(server);
    if (server !== null && !hp) r.fail(p('server'), 'monitors.catalog.invalidDnsServer', { value: server });
    if (server !== null && hp) out.server = server;
    const type = m.type ?? 'A';
    if (dnsTypes.includes(type as (typeof dnsTypes)[number])) out.type = type as string;
    else
      r.fail(p('type'), 'monitors.catalog.invalidChoice', {
        value: String(type),
        allowed: dnsTypes.join(', '),
      });
    text('expect', 300);
  }
  if (kind === 'tls') {
    int('minDaysLeft', 14);
    int('warnDaysLeft', 30);
    if (
      typeof out.warnDaysLeft === 'number' &&
      typeof out.minDaysLeft === 'number' &&
      out.warnDaysLeft < out.minDaysLeft
    ) {
      r.fail(p('warnDaysLeft'), 'monitors.catalog.warnBelowMin');
    }
    text('serverName', 253);
  }
  if (kind === 'heartbeat') {
    int('periodSeconds', null);
    if (out.periodSeconds === undefined && m.periodSeconds === undefined)
      r.fail(p('periodSeconds'), 'error.required');
    int('graceSeconds', 300);
  }
  return out;
}

/** A DNS server is an IP address, optionally with a port: `192.0.2.53`, `192.0.2.53:5353`, `[2001:db8::53]:53`. */
export function dnsServer(s: string): { host: string; port: number } | null {
  if (ipv4.test(s) || (ipv6.test(s) && !s.includes(']'))) return { host: s, port: 53 };
  const hp = hostPort(s, 53);
  if (!hp) return null;
  return ipv4.test(hp.host) || ipv6.test(hp.host) ? hp : null;
}

/** A monitor as the catalog file writes it: defaults left out, durations as `15s`. */
export function monitorToPlain(m: MonitorSpec, text: (b: Bilingual) => unknown): Record<string, unknown> {
  return {
    id: m.id,
    component: m.component,
    kind: m.kind,
    name: text(m.name),
    target: m.kind === 'heartbeat' ? undefined : m.target,
    settings: Object.keys(m.settings).length > 0 ? m.settings : undefined,
    interval: m.intervalMs === monitorDefaults.intervalMs ? undefined : formatDuration(m.intervalMs),
    timeout: m.timeoutMs === monitorDefaults.timeoutMs ? undefined : formatDuration(m.timeoutMs),
    downAfter: m.downAfter === monitorDefaults.downAfter ? undefined : m.downAfter,
    enabled: m.enabled ? undefined : false,
  };
}

/** `alerting:` as the file writes it: left out when both are the defaults. */
export function alertingToPlain(a: AlertingSpec): AlertingSpec | undefined {
  return a.policy === defaultAlerting.policy && a.resolve === defaultAlerting.resolve ? undefined : a;
}
