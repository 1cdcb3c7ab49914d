/**
 * @module Test helper: synthetic traffic of one peer, window by window, from a seeded generator
 * (same numbers every run), and a driver that evaluates every rule after each window like the
 * detector loop does, tracking which alerts fire and when.
 */

import { evaluateRule } from '#src/domain/detectors/evaluate.ts';
import type { RuleSpec } from '#src/domain/detectors/rules.ts';
import { type TimedCounts, windowMs } from '#src/domain/detectors/windows.ts';
import { countInvite, countInviteFinal, emptyCounts, type WindowCounts } from '#src/domain/kpi.ts';

/** A small seeded generator (mulberry32): deterministic "random" traffic. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One window of `attempts` INVITEs whose answers are drawn from `mix` (code → weight). */
export function windowOf(attempts: number, mix: Record<number, number>, rnd: () => number): WindowCounts {
  const c = emptyCounts();
  const entries = Object.entries(mix).map(([k, w]) => [Number(k), w] as const);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  for (let i = 0; i < attempts; i++) {
    countInvite(c);
    const r = rnd() * total;
    let acc = 0;
    const code =
      entries.find(([, w]) => {
        acc += w;
        return r < acc;
      })?.[0] ?? entries.at(-1)![0];
    countInviteFinal(c, code, code !== 408);
  }
  return c;
}

export interface Fired {
  ruleId: string;
  /** Index of the window after whose close the alert fired. */
  window: number;
}

/**
 * Feeds windows 0..n-1 (starting at `start`) and evaluates every rule after each one closes.
 * Returns what fired (and cleared) in order.
 */
export function drive(
  rules: readonly RuleSpec[],
  windowAt: (i: number) => WindowCounts,
  n: number,
  start = Date.parse('2026-11-23T09:00:00.000Z'),
): { fired: Fired[]; cleared: Fired[] } {
  const windows: TimedCounts[] = [];
  const firing = new Set<string>();
  const fired: Fired[] = [];
  const cleared: Fired[] = [];
  for (let i = 0; i < n; i++) {
    windows.push({ at: start + i * windowMs, counts: windowAt(i) });
    // The loop runs a moment after the window closed and settled.
    const now = start + (i + 1) * windowMs + 4_000;
    for (const rule of rules) {
      const e = evaluateRule(rule, { windows, hourly: [], now }, firing.has(rule.id));
      if (e.decision === 'raise') {
        firing.add(rule.id);
        fired.push({ ruleId: rule.id, window: i });
      } else if (e.decision === 'clear') {
        firing.delete(rule.id);
        cleared.push({ ruleId: rule.id, window: i });
      }
    }
  }
  return { fired, cleared };
}
