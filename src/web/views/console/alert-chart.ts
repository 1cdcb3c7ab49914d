/**
 * @module The chart of an alert's evidence: the telemetry series it was judged on with its limit
 * (and baseline) as dashed lines, or a monitor's response times around the alert.
 */
import type { AlertEvidence } from '#src/domain/detectors/text.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { type ChartLine, renderChart } from './chart.ts';

export interface RttPoint {
  at: string;
  rttMs: number | null;
}

export function renderAlertChart(o: {
  t: Translate;
  locale: Locale;
  timeZone: string;
  evidence: AlertEvidence | null;
  /** A monitor's recent checks, for probe alerts. */
  checks?: readonly RttPoint[];
}): string {
  const { t, evidence: e } = o;
  const frame = { t, locale: o.locale, timeZone: o.timeZone, id: 'alert-chart' };
  if (e?.kind === 'probe') {
    return renderChart({
      ...frame,
      title: t('alerts.chart.title'),
      unit: 'ms',
      series: [{ label: 'RTT', points: (o.checks ?? []).map((c) => ({ at: c.at, value: c.rttMs })) }],
    });
  }
  if (!e || !('series' in e)) return '';
  // Silence compares a whole span; the chart shows windows, so its lines are per window.
  const perWindow =
    e.unit === 'count' ? 10_000 / Math.max(10_000, Date.parse(e.window.to) - Date.parse(e.window.from)) : 1;
  const lines: ChartLine[] = [{ label: t('alerts.chart.limit'), value: e.limit * perWindow, tone: 'bad' }];
  if (e.baseline !== null)
    lines.push({ label: t('alerts.chart.baseline'), value: e.baseline * perWindow, tone: 'muted' });
  const label =
    e.kind === 'silence'
      ? t(
          e.signal === 'register-ok'
            ? 'alerts.chart.metric.silence.register-ok'
            : 'alerts.chart.metric.silence.invites',
        )
      : t(`alerts.chart.metric.${e.kind}`, { codes: e.codes.join('/') });
  return renderChart({
    ...frame,
    title: t('alerts.chart.title'),
    unit: e.unit,
    series: [{ label, points: e.series, tone: 'primary' }],
    lines,
  });
}
