/**
 * @module What a peer normally does: from the hourly roll-ups of the same weekday and hour in past
 * weeks when there are at least two, otherwise from a moving average (EWMA) of the recent windows.
 * The moving average is robust: windows that already look like the fault (a failure share far
 * above, or traffic far below, what it has learned) are not absorbed, so a slow degradation or a
 * long silence does not become the new normal. Pure: epoch ms, no I/O.
 */
import type { WindowCounts } from '../kpi.ts';
import { networkFailures, type TimedCounts, windowMs } from './windows.ts';

const hourMs = 3_600_000;
const weekMs = 7 * 24 * hourMs;
/** Windows in one hour: an hourly count divided by this is the expected count of one window. */
const windowsPerHour = hourMs / windowMs;
/** Windows the moving average needs before it is trusted (1 min). */
export const warmupWindows = 6;

/** Roll-ups of the same weekday and hour as `t`, 1 to `weeks` weeks before (UTC hours). */
export function sameHourHistory(hourly: readonly TimedCounts[], t: number, weeks: number): WindowCounts[] {
  const hour = Math.floor(t / hourMs) * hourMs;
  const wanted = new Set(Array.from({ length: weeks }, (_, k) => hour - (k + 1) * weekMs));
  return hourly.filter((h) => wanted.has(h.at)).map((h) => h.counts);
}

const alphaOf = (halfLifeMinutes: number) => 1 - 2 ** (-windowMs / (halfLifeMinutes * 60_000));

/**
 * The usual network-failure share: hourly history (two weeks or more with answers) or the robust
 * moving average of `history` (dense windows, oldest first). Null: not known yet.
 */
export function failureShareBaseline(
  history: readonly TimedCounts[],
  sameHour: readonly WindowCounts[],
  o: { halfLifeMinutes: number; points: number },
): number | null {
  const weeks = sameHour.map(networkFailures).filter((x) => x.answers > 0);
  if (weeks.length >= 2) {
    const sum = weeks.reduce((a, x) => ({
      failures: a.failures + x.failures,
      answers: a.answers + x.answers,
    }));
    return sum.failures / sum.answers;
  }
  const alpha = alphaOf(o.halfLifeMinutes);
  let failures = 0;
  let answers = 0;
  let seen = 0;
  for (const w of history) {
    const x = networkFailures(w.counts);
    if (x.answers === 0) continue;
    if (seen >= warmupWindows && x.failures / x.answers - failures / answers > o.points) continue;
    // Sums weighted by volume: a quiet window moves the share as little as it should.
    failures = seen === 0 ? x.failures : failures * (1 - alpha) + x.failures * alpha;
    answers = seen === 0 ? x.answers : answers * (1 - alpha) + x.answers * alpha;
    seen += 1;
  }
  return seen >= warmupWindows && answers > 0 ? failures / answers : null;
}

/**
 * The usual count of `pick` per 10-s window: hourly history (two weeks or more) or the robust
 * moving average of `history`. Null: not known yet.
 */
export function countBaseline(
  history: readonly TimedCounts[],
  sameHour: readonly WindowCounts[],
  pick: (c: WindowCounts) => number,
  o: { halfLifeMinutes: number; share: number },
): number | null {
  if (sameHour.length >= 2) {
    return sameHour.reduce((s, c) => s + pick(c), 0) / sameHour.length / windowsPerHour;
  }
  if (history.length < warmupWindows) return null;
  const alpha = alphaOf(o.halfLifeMinutes);
  let level = 0;
  history.forEach((w, i) => {
    const v = pick(w.counts);
    if (i < warmupWindows) level = (level * i + v) / (i + 1);
    else if (v >= o.share * level) level = level * (1 - alpha) + v * alpha;
  });
  return level;
}
