/**
 * @module Uptime per component: daily bars and a percentage over the recorded status intervals.
 * Like Atlassian Statuspage, a major outage counts in full, a partial outage at 30 % and
 * degraded performance or maintenance not at all; days before a component existed have no data.
 */
import { type ComponentStatus, worst } from './status.ts';
import { addDays, localDate, startOfLocalDate } from './zoned-time.ts';

export interface StatusInterval {
  status: ComponentStatus;
  startedAt: Date;
  /** null: still running. */
  endedAt: Date | null;
}

export interface DayBar {
  /** Local calendar date in the viewer's zone, `YYYY-MM-DD`. */
  date: string;
  /** Worst status seen that day; `null` when the component did not exist yet. */
  worst: ComponentStatus | null;
  /** Time spent per non-operational status that day (ms). */
  downtimeMs: Partial<Record<ComponentStatus, number>>;
  /** Uptime of that day as a fraction 0–1, `null` without data. */
  uptime: number | null;
}

export interface UptimeSummary {
  days: DayBar[];
  /** Over all days with data, 0–1; `null` when no day has data. */
  uptime: number | null;
}

const weight: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 0,
  partial_outage: 0.3,
  major_outage: 1,
};

/** One calendar day in the viewer's zone: its date and the instants it starts and ends (ms). */
export interface DayWindow {
  date: string;
  start: number;
  end: number;
}

/**
 * The last `days` calendar days up to today in a zone, oldest first. Computed once per page and
 * shared by all components: the zone arithmetic (Intl) costs more than the bars themselves.
 */
export function dayWindows(now: Date, days: number, timeZone: string): DayWindow[] {
  const today = localDate(now, timeZone);
  const windows: DayWindow[] = [];
  let next = startOfLocalDate(addDays(today, -(days - 1)), timeZone).getTime();
  for (let i = days - 1; i >= 0; i--) {
    const date = addDays(today, -i);
    const start = next;
    next = startOfLocalDate(addDays(date, 1), timeZone).getTime();
    windows.push({ date, start, end: next });
  }
  return windows;
}

export function uptimeBars(input: {
  intervals: readonly StatusInterval[];
  /** When the component was created: no data before. */
  since: Date;
  now: Date;
  days: number;
  timeZone: string;
  /** Precomputed windows (dayWindows) for many components; computed here when absent. */
  windows?: readonly DayWindow[];
}): UptimeSummary {
  const windows = input.windows ?? dayWindows(input.now, input.days, input.timeZone);
  const nowMs = input.now.getTime();
  const sinceMs = input.since.getTime();
  const days: DayBar[] = [];
  let weightedDown = 0;
  let observed = 0;
  for (const w of windows) {
    const dayEnd = Math.min(w.end, nowMs);
    const from = Math.max(w.start, sinceMs);
    if (from >= dayEnd) {
      days.push({ date: w.date, worst: null, downtimeMs: {}, uptime: null });
      continue;
    }
    let dayWorst: ComponentStatus = 'operational';
    let down = 0;
    const downtimeMs: Partial<Record<ComponentStatus, number>> = {};
    for (const iv of input.intervals) {
      const s = Math.max(iv.startedAt.getTime(), from);
      const e = Math.min(iv.endedAt?.getTime() ?? nowMs, dayEnd);
      if (e <= s || iv.status === 'operational') continue;
      dayWorst = worst(dayWorst, iv.status);
      downtimeMs[iv.status] = (downtimeMs[iv.status] ?? 0) + (e - s);
      down += (e - s) * weight[iv.status];
    }
    const span = dayEnd - from;
    weightedDown += down;
    observed += span;
    days.push({ date: w.date, worst: dayWorst, downtimeMs, uptime: Math.max(0, 1 - down / span) });
  }
  return { days, uptime: observed > 0 ? Math.max(0, 1 - weightedDown / observed) : null };
}
