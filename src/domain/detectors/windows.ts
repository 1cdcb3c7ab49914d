/**
 * @module Telemetry windows as the detectors see them: one peer's 10-second counts on a dense grid
 * (a window without traffic is a window of zeros, not a gap), sums over a span ending at an
 * evaluation time, and the shares the rules compare. Pure: no I/O, times are epoch ms.
 */
import { emptyCounts, sumCounts, type WindowCounts } from '../kpi.ts';

/** Length of one telemetry window (ms). */
export const windowMs = 10_000;

export interface TimedCounts {
  /** Start of the 10-s window, epoch ms (aligned to 10 s). */
  at: number;
  counts: WindowCounts;
}

/** Start of the window that contains `t` (epoch ms). */
export const alignWindow = (t: number): number => Math.floor(t / windowMs) * windowMs;

/**
 * Windows from `from` (inclusive) to `to` (exclusive), one per 10 s, filled with zeros where the
 * store has no row (no traffic). Rows outside the range are ignored.
 */
export function denseWindows(rows: readonly TimedCounts[], from: number, to: number): TimedCounts[] {
  const byStart = new Map<number, WindowCounts>();
  for (const r of rows) byStart.set(alignWindow(r.at), r.counts);
  const out: TimedCounts[] = [];
  for (let t = alignWindow(from); t < to; t += windowMs) {
    out.push({ at: t, counts: byStart.get(t) ?? emptyCounts() });
  }
  return out;
}

/** Sum of the windows that start in [end − spanMs, end). */
export function sumSpan(windows: readonly TimedCounts[], end: number, spanMs: number): WindowCounts {
  return sumCounts(windows.filter((w) => w.at >= end - spanMs && w.at < end).map((w) => w.counts));
}

/** Final answers a caller chose (busy, no answer, declined, cancelled): not the network's fault. */
export const userOutcomeCodes: ReadonlySet<number> = new Set([480, 486, 487, 600, 603]);

/**
 * The network's share of failed attempts: final answers ≥ 400 that are not user outcomes, out of
 * all final answers except redirects (3xx). Counted from the per-code answers, so an INVITE whose
 * answer falls into the next window is not counted as a failure here.
 */
export function networkFailures(c: WindowCounts): { failures: number; answers: number } {
  const known = failureCache.get(c);
  if (known) return known;
  const counted = countNetworkFailures(c);
  failureCache.set(c, counted);
  return counted;
}

/**
 * One peer's window is judged by several rules and evaluation instants in one pass: its shares are
 * counted once. Keyed by the counts object, so windows are never mutated after they are read.
 */
const failureCache = new WeakMap<WindowCounts, { failures: number; answers: number }>();

function countNetworkFailures(c: WindowCounts): { failures: number; answers: number } {
  let failures = 0;
  let answers = 0;
  for (const [key, n] of Object.entries(c.codes)) {
    const code = Number(key);
    if (!Number.isInteger(code) || code < 200 || n <= 0) continue;
    if (code >= 300 && code < 400) continue;
    answers += n;
    if (code >= 400 && !userOutcomeCodes.has(code)) failures += n;
  }
  return { failures, answers };
}

/** How many of the INVITEs were answered with one of `codes`. */
export function codeCount(c: WindowCounts, codes: readonly number[]): number {
  return codes.reduce((sum, code) => sum + (c.codes[String(code)] ?? 0), 0);
}
