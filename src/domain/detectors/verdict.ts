/**
 * @module One evaluation of one rule at one instant, and hysteresis over several: an alert fires
 * after `fireAfter` bad evaluations in a row and clears after `clearAfter` good ones. Between the
 * firing and the clearing threshold lies a band ("hold") that changes nothing, so a value wobbling
 * around one line cannot make an alert flap. Too little traffic to judge is "insufficient": it
 * neither raises nor clears. A verdict far beyond doubt (`strong`) raises without waiting.
 */

export type VerdictState = 'bad' | 'good' | 'hold' | 'insufficient';

export interface Verdict {
  state: VerdictState;
  /** The measured share (0–1) or count; null when there was nothing to measure. */
  value: number | null;
  /** The line `value` was compared with (share or count). */
  limit: number;
  /** The baseline share or count, for rules that compare with one. */
  baseline: number | null;
  /** How many attempts (or expected messages) the verdict rests on. */
  volume: number;
  /** Bad beyond doubt (twice the margin): raises at once instead of waiting for `fireAfter`. */
  strong?: boolean;
}

export type Decision = 'raise' | 'clear' | 'keep';

/**
 * What to do given the verdicts of the latest evaluations, newest first. `firing`: an alert of
 * this rule is firing now.
 */
export function decide(
  firing: boolean,
  newestFirst: readonly Verdict[],
  fireAfter: number,
  clearAfter: number,
): Decision {
  const run = (n: number, state: VerdictState) =>
    newestFirst.length >= n && newestFirst.slice(0, n).every((v) => v.state === state);
  if (!firing && (run(fireAfter, 'bad') || (newestFirst[0]?.state === 'bad' && newestFirst[0].strong))) {
    return 'raise';
  }
  if (firing && run(clearAfter, 'good')) return 'clear';
  return 'keep';
}

/** A share judged against a firing line and a lower clearing line, with a minimum volume. */
export function judgeShare(
  num: number,
  den: number,
  o: { threshold: number; clearBelow: number; minAttempts: number },
): Verdict {
  const value = den > 0 ? num / den : null;
  const base = { value, limit: o.threshold, baseline: null, volume: den };
  if (den < o.minAttempts || value === null) return { ...base, state: 'insufficient' };
  if (value > o.threshold) return { ...base, state: 'bad' };
  if (value < o.clearBelow) return { ...base, state: 'good' };
  return { ...base, state: 'hold' };
}
