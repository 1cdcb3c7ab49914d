/**
 * @module Time-series charts for the console, rendered on the server as SVG: no script, no
 * library, nothing for the CSP to allow, readable in light and dark (colours are CSS classes in
 * console.css). Every chart carries its numbers as text too — a caption with the latest value and
 * range, and a collapsible table — so a screen reader gets what the picture shows.
 *
 * @example
 * renderChart({
 *   t: request.t, locale: request.locale, timeZone: request.timeZone,
 *   title: 'ISA · Carrier A', unit: 'share',
 *   series: [{ label: 'ISA', points: [{ at: '2026-11-22T10:00:00.000Z', value: 0.02 }, …] }],
 *   lines: [{ label: 'Limit', value: 0.15, tone: 'bad' }],
 * })
 */
import { html } from 'ghtml';
import type { Translate } from '../../i18n/index.ts';
import { formatPercent, formatTime } from '../format.ts';

type Locale = 'de' | 'en';

export interface ChartPoint {
  /** ISO time of the point (start of its window). */
  at: string;
  /** null: no data in this window (the line has a gap). */
  value: number | null;
}

export interface ChartSeries {
  label: string;
  points: readonly ChartPoint[];
  /** Colour class: `primary` (default), `bad`, `warn`, `ok`, `muted`. */
  tone?: ChartTone;
}

export type ChartTone = 'primary' | 'bad' | 'warn' | 'ok' | 'muted';

export interface ChartLine {
  label: string;
  value: number;
  tone?: ChartTone;
}

export interface ChartOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
  /** Names the chart for assistive technology and in the caption. */
  title: string;
  /** `share` (0–1, shown as percent), `count`, or `ms`. */
  unit: 'share' | 'count' | 'ms';
  series: readonly ChartSeries[];
  /** Horizontal reference lines (a threshold, a baseline). */
  lines?: readonly ChartLine[];
  /** Unique on the page (several charts): ids of the caption and table derive from it. */
  id: string;
}

const width = 640;
const height = 200;
const pad = { left: 52, right: 12, top: 10, bottom: 26 };
const plotW = width - pad.left - pad.right;
const plotH = height - pad.top - pad.bottom;

export function formatChartValue(v: number | null, unit: ChartOptions['unit'], locale: Locale): string {
  if (v === null) return '–';
  if (unit === 'share') return formatPercent(v, locale, v !== 0 && Math.abs(v) < 0.1 ? 1 : 0);
  const n = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 }).format(
    v,
  );
  return unit === 'ms' ? `${n} ms` : n;
}

/** A round upper bound for the y axis (1, 2, 2.5, 5 × 10^n), at least the largest value. */
export function niceMax(max: number, unit: ChartOptions['unit']): number {
  if (!(max > 0)) return unit === 'share' ? 0.1 : 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * exp).find((m) => m >= max)!;
  return unit === 'share' ? Math.min(nice, 1) : nice;
}

export function renderChart(o: ChartOptions): string {
  const times = [...new Set(o.series.flatMap((s) => s.points.map((p) => Date.parse(p.at))))].sort(
    (a, b) => a - b,
  );
  if (times.length === 0) {
    return html`<figure class="chart" id="${o.id}"><figcaption>${o.title}: ${o.t('alerts.chart.noData')}</figcaption></figure>`;
  }
  const values = [
    ...o.series.flatMap((s) => s.points.map((p) => p.value).filter((v): v is number => v !== null)),
    ...(o.lines ?? []).map((l) => l.value),
  ];
  const yMax = niceMax(Math.max(0, ...values), o.unit);
  const t0 = times[0]!;
  const span = Math.max(1, times.at(-1)! - t0);
  const x = (t: number) => pad.left + ((t - t0) / span) * plotW;
  const y = (v: number) => pad.top + plotH - (Math.min(Math.max(v, 0), yMax) / yMax) * plotH;
  const fmt = (v: number | null) => formatChartValue(v, o.unit, o.locale);
  const grid = [0, 0.5, 1]
    .map((f) => {
      const v = yMax * f;
      return html`<line class="chart-grid" x1="${pad.left}" x2="${width - pad.right}" y1="${y(v)}" y2="${y(v)}"/><text class="chart-axis" x="${pad.left - 6}" y="${y(v) + 4}" text-anchor="end">${fmt(v)}</text>`;
    })
    .join('');
  const ticks = [t0, t0 + span / 2, t0 + span]
    .map((t, i) => {
      const anchor = ['start', 'middle', 'end'][i]!;
      return html`<text class="chart-axis" x="${x(t)}" y="${height - 8}" text-anchor="${anchor}">${formatTime(new Date(t).toISOString(), o.locale, o.timeZone)}</text>`;
    })
    .join('');
  const refs = (o.lines ?? [])
    .map(
      (l) =>
        html`<line class="chart-ref tone-${l.tone ?? 'muted'}" x1="${pad.left}" x2="${width - pad.right}" y1="${y(l.value)}" y2="${y(l.value)}"/>`,
    )
    .join('');
  const paths = o.series
    .map((s) => html`<path class="chart-line tone-${s.tone ?? 'primary'}" d="${pathOf(s.points, x, y)}"/>`)
    .join('');
  const captionId = `${o.id}-caption`;
  return html`<figure class="chart" id="${o.id}"><svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${captionId}" focusable="false">!${grid}!${refs}!${paths}!${ticks}</svg><figcaption id="${captionId}">!${caption(o, fmt)}</figcaption>!${dataTable(o, fmt)}</figure>`;
}

/** SVG path with a gap wherever a point has no value. */
function pathOf(points: readonly ChartPoint[], x: (t: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.value === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(Date.parse(p.at)).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  }
  return d || 'M0,0';
}

function caption(o: ChartOptions, fmt: (v: number | null) => string): string {
  const parts = o.series.map((s) => {
    const vals = s.points.map((p) => p.value).filter((v): v is number => v !== null);
    const last = [...s.points].reverse().find((p) => p.value !== null)?.value ?? null;
    return vals.length === 0
      ? html`<span class="tone-${s.tone ?? 'primary'}">${s.label}</span>: ${o.t('alerts.chart.noData')}`
      : html`<span class="chart-key tone-${s.tone ?? 'primary'}">${s.label}</span>: ${o.t(
          'alerts.chart.summary',
          {
            last: fmt(last),
            min: fmt(Math.min(...vals)),
            max: fmt(Math.max(...vals)),
          },
        )}`;
  });
  const lines = (o.lines ?? []).map(
    (l) => html`<span class="chart-key tone-${l.tone ?? 'muted'}">${l.label}</span>: ${fmt(l.value)}`,
  );
  return html`<strong>${o.title}</strong> · !${[...parts, ...lines].join(' · ')}`;
}

/** The numbers behind the chart, collapsed by default; a long series shows every row (≤ 360). */
function dataTable(o: ChartOptions, fmt: (v: number | null) => string): string {
  const rows = new Map<string, (number | null)[]>();
  o.series.forEach((s, i) => {
    for (const p of s.points.slice(-360)) {
      const row = rows.get(p.at) ?? o.series.map(() => null);
      row[i] = p.value;
      rows.set(p.at, row);
    }
  });
  const body = [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([at, vals]) =>
        html`<tr><th scope="row">${formatTime(at, o.locale, o.timeZone)}</th>!${vals.map((v) => html`<td>${fmt(v)}</td>`).join('')}</tr>`,
    )
    .join('');
  const head = o.series.map((s) => html`<th scope="col">${s.label}</th>`).join('');
  return html`<details class="chart-data"><summary>${o.t('alerts.chart.table')}</summary><div class="table-wrap"><table><thead><tr><th scope="col">${o.t('alerts.chart.time')}</th>!${head}</tr></thead><tbody>!${body}</tbody></table></div></details>`;
}
