/**
 * @module Console pages of HEP telemetry: the peers with their last hour (attempts, ASR, NER,
 * ISA, PDD, registrations), and one peer's charts over the last 1, 6 or 24 hours (attempts and
 * answers, ASR/NER/ISA, post-dial delay, the most frequent final codes) with a table of codes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { TelemetryBucket } from '#src/services/get-peer-series.ts';
import type { PeerSummary } from '#src/services/list-peer-summaries.ts';
import type { Locale } from '../../i18n/index.ts';
import { formatPercent, pick } from '../format.ts';
import { type ChartPoint, type ChartTone, renderChart } from './chart.ts';
import { renderConsolePage } from './layout.ts';

/** Spans the peer page offers (hours) and the bucket each is drawn with (ms). */
export const telemetrySpans = { 1: 60_000, 6: 60_000, 24: 300_000 } as const;
export type TelemetrySpan = keyof typeof telemetrySpans;

/** ISA above this is red on public dashboards operators know (TELEPHONY.md): the chart's guide line. */
const isaRedLine = 0.15;

const ratio = (v: number | null, locale: Locale) => (v === null ? '–' : formatPercent(v, locale, 1));
const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);
const count = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB').format(n);

export function renderPeerListPage(
  request: FastifyRequest,
  reply: FastifyReply,
  peers: PeerSummary[],
): string {
  const { t, locale } = request;
  const rows = peers.map(
    (p) =>
      html`<tr><th scope="row"><a href="/console/telemetry/${p.id}">${pick(p.name, locale)}</a></th><td><code>${p.match}${p.port === null ? '' : ` :${p.port}`}</code></td><td>${p.componentId}</td><td class="num">${count(p.counts.invites, locale)}</td><td class="num">${ratio(p.kpis.asr, locale)}</td><td class="num">${ratio(p.kpis.ner, locale)}</td><td class="num">${ratio(p.kpis.isa, locale)}</td><td class="num">${ms(p.kpis.pddMs)}</td><td class="num">${ratio(p.kpis.registrationSuccess, locale)}</td></tr>`,
  );
  const head = [
    'telemetry.col.peer',
    'telemetry.col.match',
    'telemetry.col.component',
    'telemetry.col.attempts',
    'telemetry.col.asr',
    'telemetry.col.ner',
    'telemetry.col.isa',
    'telemetry.col.pdd',
    'telemetry.col.registrations',
  ] as const;
  const table =
    peers.length === 0
      ? html`<p>${t('telemetry.none')}</p>`
      : html`<div class="table-wrap telemetry-table" tabindex="0" role="region" aria-label="${t('telemetry.lastHour')}"><table><caption>${t('telemetry.lastHour')}</caption><thead><tr>!${head.map((k) => html`<th scope="col">${t(k)}</th>`).join('')}</tr></thead><tbody>!${rows.join('')}</tbody></table></div>`;
  const body = html`<p class="hint">${t('telemetry.intro')}</p>!${table}`;
  return renderConsolePage(request, reply, { title: t('telemetry.title'), section: 'telemetry', body });
}

export interface PeerPageView {
  peer: PeerSummary;
  span: TelemetrySpan;
  buckets: TelemetryBucket[];
}

export function renderPeerPage(request: FastifyRequest, reply: FastifyReply, v: PeerPageView): string {
  const { t, locale } = request;
  const frame = { t, locale, timeZone: request.timeZone };
  const points = (f: (b: TelemetryBucket) => number | null): ChartPoint[] =>
    v.buckets.map((b) => ({ at: b.startedAt.toISOString(), value: f(b) }));
  const name = pick(v.peer.name, locale);
  const charts = [
    renderChart({
      ...frame,
      id: 'chart-attempts',
      title: t('telemetry.chart.attempts'),
      unit: 'count',
      series: [
        { label: t('telemetry.col.attempts'), points: points((b) => b.counts.invites) },
        { label: t('telemetry.answered'), points: points((b) => b.counts.answered), tone: 'ok' },
      ],
    }),
    renderChart({
      ...frame,
      id: 'chart-ratios',
      title: t('telemetry.chart.ratios'),
      unit: 'share',
      series: [
        { label: t('telemetry.col.asr'), points: points((b) => b.kpis.asr) },
        { label: t('telemetry.col.ner'), points: points((b) => b.kpis.ner), tone: 'ok' },
        { label: t('telemetry.col.isa'), points: points((b) => b.kpis.isa), tone: 'bad' },
      ],
      lines: [{ label: t('telemetry.chart.isaRed'), value: isaRedLine, tone: 'bad' }],
    }),
    renderChart({
      ...frame,
      id: 'chart-pdd',
      title: t('telemetry.chart.pdd'),
      unit: 'ms',
      series: [{ label: t('telemetry.col.pdd'), points: points((b) => b.kpis.pddMs) }],
    }),
    renderChart({
      ...frame,
      id: 'chart-codes',
      title: t('telemetry.chart.codes'),
      unit: 'count',
      series: topCodes(v.peer).map((code, i) => ({
        label: code,
        points: points((b) => b.counts.codes[code] ?? 0),
        tone: codeTones[i] ?? 'muted',
      })),
    }),
  ];
  const spans = (Object.keys(telemetrySpans) as `${TelemetrySpan}`[])
    .map((h) =>
      Number(h) === v.span
        ? html`<strong aria-current="true">${t('telemetry.hours', { hours: h })}</strong>`
        : html`<a href="/console/telemetry/${v.peer.id}?hours=${h}">${t('telemetry.hours', { hours: h })}</a>`,
    )
    .join(' · ');
  const summary = html`<p>${t('telemetry.peerSummary', {
    match: v.peer.port === null ? v.peer.match : `${v.peer.match} :${v.peer.port}`,
    component: v.peer.componentId,
  })}</p><p>${t('telemetry.span')}: !${spans}</p>`;
  const body = html`<p><a href="/console/telemetry">${t('telemetry.back')}</a></p>!${summary}!${kpiList(request, v.peer)}!${charts.join('')}!${codeTable(request, v.peer)}`;
  return renderConsolePage(request, reply, { title: name, section: 'telemetry', body });
}

const codeTones: ChartTone[] = ['primary', 'bad', 'warn', 'ok', 'muted'];

/** The five most frequent final codes over the span (others are in the table). */
function topCodes(peer: PeerSummary): string[] {
  return Object.entries(peer.counts.codes)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([code]) => code);
}

function kpiList(request: FastifyRequest, p: PeerSummary): string {
  const { t, locale } = request;
  const k = p.kpis;
  const items: [string, string][] = [
    [t('telemetry.col.attempts'), count(p.counts.invites, locale)],
    [t('telemetry.col.asr'), ratio(k.asr, locale)],
    [t('telemetry.col.ner'), ratio(k.ner, locale)],
    [t('telemetry.col.ser'), ratio(k.ser, locale)],
    [t('telemetry.col.isa'), ratio(k.isa, locale)],
    [t('telemetry.col.pdd'), ms(k.pddMs)],
    [t('telemetry.col.registrations'), ratio(k.registrationSuccess, locale)],
    [t('telemetry.col.registrationTime'), ms(k.registrationMs)],
  ];
  return html`<dl class="facts">!${items.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function codeTable(request: FastifyRequest, p: PeerSummary): string {
  const { t, locale } = request;
  const codes = Object.entries(p.counts.codes).sort((a, b) => Number(a[0]) - Number(b[0]));
  if (codes.length === 0) return '';
  const rows = codes.map(
    ([code, n]) => html`<tr><th scope="row">${code}</th><td class="num">${count(n, locale)}</td></tr>`,
  );
  return html`<div class="table-wrap telemetry-table" tabindex="0" role="region" aria-label="${t('telemetry.codesCaption')}"><table><caption>${t('telemetry.codesCaption')}</caption><thead><tr><th scope="col">${t('telemetry.col.code')}</th><th scope="col">${t('telemetry.col.count')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table></div>`;
}
