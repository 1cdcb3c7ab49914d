/**
 * @module Probe states as alerts: a monitor (or heartbeat) the probe runner has put `down` or
 * `overloaded` fires at once — the runner already waited for its consecutive failures — and
 * clears once it has been `up` for `clearAfterMs` (hysteresis against a flapping peer).
 */
import type { Severity } from './rules.ts';
import type { Decision } from './verdict.ts';

export interface MonitorStateView {
  monitorId: string;
  kind: string;
  state: string;
  /** ISO: since when the monitor is in this state. */
  since: string;
  lastCode: number | null;
  lastDetail: string;
  lastRttMs: number | null;
}

export interface ProbeEvaluation {
  decision: Decision;
  severity: Severity;
  evidence: {
    kind: 'probe';
    monitorKind: string;
    state: string;
    since: string;
    code: number | null;
    detail: string;
    rttMs: number | null;
  };
}

/** Default time a recovered monitor must stay up before its alert clears (ms). */
export const defaultProbeClearMs = 30_000;

export function evaluateProbe(
  m: MonitorStateView,
  firing: boolean,
  now: number,
  clearAfterMs = defaultProbeClearMs,
): ProbeEvaluation {
  const bad = m.state === 'down' || m.state === 'overloaded';
  const upLongEnough = m.state === 'up' && now - Date.parse(m.since) >= clearAfterMs;
  const decision: Decision = !firing && bad ? 'raise' : firing && upLongEnough ? 'clear' : 'keep';
  return {
    decision,
    // 503 "overloaded or in maintenance" still answers: degraded, not gone.
    severity: m.state === 'overloaded' ? 'warning' : 'critical',
    evidence: {
      kind: 'probe',
      monitorKind: m.kind,
      state: m.state,
      since: m.since,
      code: m.lastCode,
      detail: m.lastDetail,
      rttMs: m.lastRttMs,
    },
  };
}
