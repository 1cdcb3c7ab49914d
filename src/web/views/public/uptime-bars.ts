/**
 * @module The 90 daily uptime bars of a component as plain HTML and CSS (no script, no images).
 *
 * Why runs: 40 components × 90 days as one element each, every one with a label, would weigh
 * far more than the page's 50 KB budget. So consecutive days that have nothing to tell (no
 * downtime, or no data yet) become one run spanning those days; every day with downtime keeps a
 * bar of its own. Each run is `flex: <days>` wide and the stylesheet draws the day separators,
 * so the ribbon still shows 90 equal bars. Each run carries its label (dates, worst status,
 * downtime per status) as text for screen readers that the stylesheet shows on hover.
 */
import { html } from 'ghtml';
import { type ComponentStatus, componentStatuses } from '#src/domain/status.ts';
import type { DayBar, UptimeSummary } from '#src/domain/uptime.ts';
import { formatDate, formatDuration, formatPercent } from '../format.ts';
import { type Reader, statusClass } from './parts.ts';

export interface BarRun {
  /** First and last local date of the run, `YYYY-MM-DD`. */
  from: string;
  to: string;
  days: number;
  worst: ComponentStatus | null;
  downtimeMs: Partial<Record<ComponentStatus, number>>;
}

/** Nothing to tell: no data yet, or no downtime at all. */
const quiet = (d: { worst: ComponentStatus | null }) => d.worst === null || d.worst === 'operational';

/** Merges consecutive quiet days of the same kind (no data / no downtime) into runs. */
export function toRuns(days: readonly DayBar[]): BarRun[] {
  const runs: BarRun[] = [];
  for (const d of days) {
    const last = runs.at(-1);
    if (last && quiet(d) && quiet(last) && last.worst === d.worst) {
      last.to = d.date;
      last.days++;
      continue;
    }
    runs.push({ from: d.date, to: d.date, days: 1, worst: d.worst, downtimeMs: d.downtimeMs });
  }
  return runs;
}

/** A local calendar date in the reader's language; noon UTC keeps the date in any zone. */
const calendarDate = (r: Reader, date: string) => formatDate(`${date}T12:00:00.000Z`, r.locale, 'UTC');

function runLabel(r: Reader, run: BarRun): string {
  const when =
    run.from === run.to
      ? calendarDate(r, run.from)
      : r.t('public.uptime.range', { from: calendarDate(r, run.from), to: calendarDate(r, run.to) });
  if (run.worst === null) return r.t('public.uptime.noDataDays', { when });
  if (run.worst === 'operational') return r.t('public.uptime.quietDays', { when });
  // Worst first, so the label starts with what the colour shows.
  const details = [...componentStatuses]
    .reverse()
    .filter((s) => (run.downtimeMs[s] ?? 0) > 0)
    .map((s) =>
      r.t('public.uptime.downtime', {
        status: r.t(`status.${s}`),
        duration: formatDuration(run.downtimeMs[s]!),
      }),
    )
    .join(', ');
  return r.t('public.uptime.day', { when, details });
}

export function renderUptimeBars(r: Reader, summary: UptimeSummary | undefined): string {
  if (!summary) return '';
  const runs = toRuns(summary.days);
  const items = runs.map((run) => {
    const cls = run.worst === null ? 'nd' : statusClass[run.worst];
    const span = run.days > 1 ? ` s${run.days}` : '';
    return html`<li class="${cls}${span}"><span class="vh">${runLabel(r, run)}</span></li>`;
  });
  const percent =
    summary.uptime === null
      ? r.t('public.uptime.noData')
      : r.t('public.uptime.percent', { percent: formatPercent(summary.uptime, r.locale) });
  return html`<ol class="u" aria-label="${r.t('public.uptime.label', { days: summary.days.length })}">!${items.join('')}</ol><p class="pct">${percent}</p>`;
}
