/**
 * @module Evaluates one telemetry rule for one peer: verdicts at the latest evaluation instants
 * (one per closed 10-s window), hysteresis over them, and the evidence an alert carries — the
 * numbers, the window judged and a 30-minute series for the chart. Pure: the clock is an argument.
 *
 * @example
 * const e = evaluateRule(rule, { windows, hourly, now: Date.parse('2026-11-22T10:00:04Z') }, false);
 * if (e.decision === 'raise') … e.evidence.value, e.evidence.series …
 */
import type { WindowCounts } from '../kpi.ts';
import { countBaseline, failureShareBaseline, sameHourHistory } from './baseline.ts';
import type { BaselineParams, RatioParams, RuleSpec, SilenceParams } from './rules.ts';
import { type Decision, decide, judgeShare, type Verdict } from './verdict.ts';
import {
  alignWindow,
  codeCount,
  denseWindows,
  networkFailures,
  sumSpan,
  type TimedCounts,
  windowMs,
} from './windows.ts';

export interface TelemetryInput {
  /** The peer's stored 10-s windows of (at least) the last `historyMs`. */
  windows: readonly TimedCounts[];
  /** The peer's hourly roll-ups of past weeks (any hours: the same weekday and hour are picked). */
  hourly: readonly TimedCounts[];
  /** Evaluation time, epoch ms. */
  now: number;
  /**
   * Windows younger than this may still be filling in (ms): the collector writes a window shortly
   * after it closes, so the newest window judged is the last one closed this long ago.
   */
  settleMs?: number;
  /** During a maintenance's verification: baselines come only from before this instant (epoch ms). */
  baselineBefore?: number | null;
}

/** How far back the moving average and the chart look (ms). */
export const historyMs = 30 * 60_000;
/** The collector writes closed windows once a second: 2 s after a window closes it is stored. */
export const defaultSettleMs = 2_000;

export interface SeriesPoint {
  /** Start of the 10-s window, ISO. */
  at: string;
  value: number | null;
}

export interface TelemetryEvidence {
  kind: RuleSpec['kind'];
  ruleId: string;
  /** `share` (0–1) or `count` (per window judged). */
  unit: 'share' | 'count';
  value: number | null;
  limit: number;
  baseline: number | null;
  volume: number;
  codes: number[];
  signal: string | null;
  window: { from: string; to: string };
  /** The metric per 10-s window over the last 30 min, oldest first. */
  series: SeriesPoint[];
}

export interface Evaluation {
  decision: Decision;
  verdict: Verdict;
  evidence: TelemetryEvidence;
}

type Metric = (c: WindowCounts) => { num: number; den: number };

function metricOf(rule: RuleSpec): Metric {
  const p = rule.params as RatioParams & SilenceParams;
  switch (rule.kind) {
    case 'isa':
      return (c) => ({ num: c.isa_failures, den: c.invites });
    case 'code-rate':
      return (c) => ({ num: codeCount(c, p.codes ?? []), den: c.invites });
    case 'register-failure':
      return (c) => ({ num: c.register_failed, den: c.register_ok + c.register_failed });
    case 'baseline':
      return (c) => {
        const x = networkFailures(c);
        return { num: x.failures, den: x.answers };
      };
    case 'silence':
      return (c) => ({ num: p.signal === 'invites' ? c.invites : c.register_ok, den: 1 });
  }
}

function verdictAt(
  rule: RuleSpec,
  dense: readonly TimedCounts[],
  hourly: readonly TimedCounts[],
  t: number,
  baselineBefore: number | null,
): Verdict {
  const spanMs = rule.params.spanSeconds * 1000;
  const span = sumSpan(dense, t, spanMs);
  const historyEnd = Math.min(t - spanMs, baselineBefore ?? Number.POSITIVE_INFINITY);
  const history = dense.filter((w) => w.at + windowMs <= historyEnd);
  const hourAt = baselineBefore ?? t;
  if (rule.kind === 'baseline') {
    const p = rule.params as BaselineParams;
    const sameHour = sameHourHistory(hourly, hourAt, p.weeks);
    return judgeDeviation(networkFailures(span), failureShareBaseline(history, sameHour, p), p);
  }
  if (rule.kind === 'silence') {
    const p = rule.params as SilenceParams;
    const pick = (c: WindowCounts) => (p.signal === 'invites' ? c.invites : c.register_ok);
    const perWindow = countBaseline(history, sameHourHistory(hourly, hourAt, p.weeks), pick, p);
    return judgeSilence(pick(span), perWindow === null ? null : (perWindow * spanMs) / windowMs, p);
  }
  const m = metricOf(rule)(span);
  return judgeShare(m.num, m.den, rule.params as RatioParams);
}

/** A rise of the failure share over the baseline, large in points and unlikely by chance. */
export function judgeDeviation(
  span: { failures: number; answers: number },
  baseline: number | null,
  p: BaselineParams,
): Verdict {
  const value = span.answers > 0 ? span.failures / span.answers : null;
  const base = { value, limit: (baseline ?? 0) + p.points, baseline, volume: span.answers };
  if (value === null || baseline === null || span.answers < p.minAttempts) {
    return { ...base, state: 'insufficient' };
  }
  // A floor of half a percent: against a baseline of zero any single failure would be "infinitely" unlikely.
  const p0 = Math.min(Math.max(baseline, 0.005), 0.995);
  const z = (value - p0) / Math.sqrt((p0 * (1 - p0)) / span.answers);
  if (value - baseline >= p.points && z >= p.z) {
    return { ...base, state: 'bad', strong: value - baseline >= 2 * p.points && z >= 2 * p.z };
  }
  if (value - baseline < p.points / 2) return { ...base, state: 'good' };
  return { ...base, state: 'hold' };
}

/** Far fewer messages than the baseline expects from a peer that normally sends them. */
export function judgeSilence(observed: number, expected: number | null, p: SilenceParams): Verdict {
  const base = {
    value: observed,
    limit: (expected ?? 0) * p.share,
    baseline: expected,
    volume: expected ?? 0,
  };
  if (expected === null || expected < p.minExpected) return { ...base, state: 'insufficient' };
  if (observed < p.share * expected) return { ...base, state: 'bad' };
  if (observed >= Math.min(1, 2 * p.share) * expected) return { ...base, state: 'good' };
  return { ...base, state: 'hold' };
}

/**
 * Every rule of a peer looks at the same grid in one pass: it is built once per input list (input
 * lists are read, never changed, after they are handed to the detectors).
 */
const denseCache = new WeakMap<readonly TimedCounts[], Map<string, TimedCounts[]>>();

function denseOnce(windows: readonly TimedCounts[], from: number, end: number): TimedCounts[] {
  const byRange = denseCache.get(windows) ?? new Map<string, TimedCounts[]>();
  denseCache.set(windows, byRange);
  const key = `${from}:${end}`;
  const dense = byRange.get(key) ?? denseWindows(windows, from, end);
  byRange.set(key, dense);
  return dense;
}

export function evaluateRule(rule: RuleSpec, input: TelemetryInput, firing: boolean): Evaluation {
  const end = alignWindow(input.now - (input.settleMs ?? defaultSettleMs));
  const spanMs = rule.params.spanSeconds * 1000;
  const from =
    end - Math.max(historyMs, spanMs + (rule.params.fireAfter + rule.params.clearAfter) * windowMs);
  const dense = denseOnce(input.windows, from, end);
  const n = Math.max(rule.params.fireAfter, rule.params.clearAfter);
  const verdicts = Array.from({ length: n }, (_, k) =>
    verdictAt(rule, dense, input.hourly, end - k * windowMs, input.baselineBefore ?? null),
  );
  const decision = decide(firing, verdicts, rule.params.fireAfter, rule.params.clearAfter);
  const verdict = verdicts[0]!;
  const metric = metricOf(rule);
  const p = rule.params as RatioParams & SilenceParams;
  return {
    decision,
    verdict,
    evidence: {
      kind: rule.kind,
      ruleId: rule.id,
      unit: rule.kind === 'silence' ? 'count' : 'share',
      value: verdict.value,
      limit: verdict.limit,
      baseline: verdict.baseline,
      volume: verdict.volume,
      codes: rule.kind === 'code-rate' ? (p.codes ?? []) : [],
      signal: rule.kind === 'silence' ? p.signal : null,
      window: { from: new Date(end - spanMs).toISOString(), to: new Date(end).toISOString() },
      series: dense.slice(-historyMs / windowMs).map((w) => {
        const m = metric(w.counts);
        return { at: new Date(w.at).toISOString(), value: m.den > 0 ? m.num / m.den : null };
      }),
    },
  };
}
