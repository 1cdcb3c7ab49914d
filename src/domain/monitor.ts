/**
 * @module Monitor rules, pure: how a series of probe results becomes a monitor's state, when a
 * heartbeat counts as missed, accepted status code ranges (`200-299,404`) and durations (`15s`).
 * The probe runner and the heartbeat route apply these; nothing here does I/O.
 *
 * @example
 * nextMonitorState({ state: 'up', consecutiveFailures: 0, since }, 'down', 2, now)
 * // → { state: 'up', consecutiveFailures: 1, since, changed: false }   (one failure is not yet down)
 */

export const monitorKinds = [
  'sip-options',
  'sip-register',
  'http',
  'tcp',
  'dns',
  'tls',
  'heartbeat',
] as const;
export type MonitorKind = (typeof monitorKinds)[number];
export const isMonitorKind = (v: unknown): v is MonitorKind => monitorKinds.includes(v as MonitorKind);

export type MonitorState = 'unknown' | 'up' | 'down' | 'overloaded';
export type ProbeOutcome = 'up' | 'down' | 'overloaded';

export interface MonitorStatus {
  state: MonitorState;
  consecutiveFailures: number;
  /** ISO time the current state began. */
  since: string;
}

/**
 * - a success puts the monitor `up` at once (one good answer is proof enough);
 * - `overloaded` (SIP 503) is its own state at once: the peer answered, and said why;
 * - a failure counts; only `downAfter` failures in a row make it `down` (one lost UDP packet
 *   must not page anyone); until then the previous state stays.
 */
export function nextMonitorState(
  prev: MonitorStatus,
  outcome: ProbeOutcome,
  downAfter: number,
  now: Date,
): MonitorStatus & { changed: boolean } {
  const failures = outcome === 'down' ? prev.consecutiveFailures + 1 : 0;
  let state: MonitorState = prev.state;
  if (outcome === 'up') state = 'up';
  else if (outcome === 'overloaded') state = 'overloaded';
  else if (failures >= Math.max(1, downAfter)) state = 'down';
  const changed = state !== prev.state;
  return { state, consecutiveFailures: failures, since: changed ? now.toISOString() : prev.since, changed };
}

export interface HeartbeatSettings {
  /** How often the job pings (s). */
  periodSeconds: number;
  /** How late a ping may be before it counts as missed (s). */
  graceSeconds: number;
}

/**
 * True when no ping came within period + grace of the last ping, or, for a heartbeat that never
 * pinged, of the moment it started being watched (`watchedSince`).
 */
export function heartbeatMissed(
  lastPingAt: string | null,
  watchedSince: string,
  settings: HeartbeatSettings,
  now: Date,
): boolean {
  const from = Date.parse(lastPingAt ?? watchedSince);
  if (Number.isNaN(from)) return false;
  return now.getTime() - from > (settings.periodSeconds + settings.graceSeconds) * 1000;
}

export type CodeRange = readonly [number, number];

/**
 * `200-299,404` → [[200, 299], [404, 404]]; null when any part is not a code or range of codes
 * between 100 and 699 (SIP and HTTP both live there).
 */
export function parseCodeRanges(text: string): CodeRange[] | null {
  const parts = text.split(',').map((p) => p.trim());
  const ranges: CodeRange[] = [];
  for (const part of parts) {
    const m = /^(\d{3})(?:\s*-\s*(\d{3}))?$/.exec(part);
    if (!m) return null;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (lo < 100 || hi > 699 || hi < lo) return null;
    ranges.push([lo, hi]);
  }
  return ranges;
}

export const codeAccepted = (ranges: readonly CodeRange[], code: number): boolean =>
  ranges.some(([lo, hi]) => code >= lo && code <= hi);

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `15` (seconds), `15s`, `500ms`, `2m`, `1h` → milliseconds; null when not a positive duration. */
export function parseDuration(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? Math.round(v * 1000) : null;
  if (typeof v !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(v.trim());
  if (!m) return null;
  const ms = Math.round(Number(m[1]) * durationUnits[m[2]!]!);
  return ms > 0 ? ms : null;
}

/** The shortest exact text for a duration: `15s`, `2m`, `1500ms`. */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
