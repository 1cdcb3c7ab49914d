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

export function uptimeBars(input: {
  intervals: readonly StatusInterval[];
  /** When the component was created: no data before. */
  since: Date;
  now: Date;
  days: number;
  timeZone: string;
}): UptimeSummary {
  const today = localDate(input.now, input.timeZone);
  const days: DayBar[] = [];
  let weightedDown = 0;
  let observed = 0;
  for (let i = input.days - 1; i >= 0; i--) {
    const date = addDays(today, -i);
    const dayStart = startOfLocalDate(date, input.timeZone).getTime();
    const dayEnd = Math.min(
      startOfLocalDate(addDays(date, 1), input.timeZone).getTime(),
      input.now.getTime(),
    );
    const from = Math.max(dayStart, input.since.getTime());
    if (from >= dayEnd) {
      days.push({ date, worst: null, downtimeMs: {}, uptime: null });
      continue;
    }
    let dayWorst: ComponentStatus = 'operational';
    let down = 0;
    const downtimeMs: Partial<Record<ComponentStatus, number>> = {};
    for (const iv of input.intervals) {
      const s = Math.max(iv.startedAt.getTime(), from);
      const e = Math.min(iv.endedAt?.getTime() ?? input.now.getTime(), dayEnd);
      if (e <= s || iv.status === 'operational') continue;
      dayWorst = worst(dayWorst, iv.status);
      downtimeMs[iv.status] = (downtimeMs[iv.status] ?? 0) + (e - s);
      down += (e - s) * weight[iv.status];
    }
    const span = dayEnd - from;
    weightedDown += down;
    observed += span;
    days.push({ date, worst: dayWorst, downtimeMs, uptime: Math.max(0, 1 - down / span) });
  }
  return { days, uptime: observed > 0 ? Math.max(0, 1 - weightedDown / observed) : null };
}
