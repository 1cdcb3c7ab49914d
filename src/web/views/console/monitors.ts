/**
 * @module Console pages of monitors: the list with each monitor's state, since when, last
 * round-trip time and last answer; one monitor's page with its response-time chart over the last
 * 1, 6 or 24 hours, its recent checks, pause/resume and, for heartbeats, the secret URL (shown
 * once, right after it was created).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import { formatDuration } from '#src/domain/monitor.ts';
import { parseSettings } from '#src/services/catalog/monitors.ts';
import type { MonitorCheckView, MonitorView } from '#src/services/monitor-rows.ts';
import { type MessageKey, translateLoose } from '../../i18n/index.ts';
import { formatDateTime, pick } from '../format.ts';
import { csrfField } from '../forms.ts';
import { type ChartPoint, renderChart } from './chart.ts';
import { renderConsolePage } from './layout.ts';

/** Spans the monitor page offers (hours) and the bucket each chart point averages (ms). */
export const monitorSpans = { 1: 60_000, 6: 300_000, 24: 900_000 } as const;
export type MonitorSpan = keyof typeof monitorSpans;
/** Checks listed below the chart (newest first). */
const recentChecks = 50;

export const monitorStateBadge = (
  t: FastifyRequest['t'],
  m: Pick<MonitorView, 'state' | 'pausedAt' | 'enabled'>,
) => {
  if (!m.enabled) return html`<span class="badge monitor-off">${t('monitors.state.disabled')}</span>`;
  if (m.pausedAt) return html`<span class="badge monitor-off">${t('monitors.state.paused')}</span>`;
  return html`<span class="badge monitor-${m.state}">${translateLoose(t, `monitors.state.${m.state}`)}</span>`;
};

const rtt = (v: number | null) => (v === null ? '–' : `${v} ms`);

export function renderMonitorListPage(
  request: FastifyRequest,
  reply: FastifyReply,
  monitors: MonitorView[],
  notice?: string,
): string {
  const { t, locale, timeZone } = request;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale, timeZone) : '–');
  const rows = monitors.map(
    (m) =>
      html`<tr><th scope="row"><a href="/console/monitors/${m.id}">${pick(m.name, locale)}</a></th><td>${pick(m.componentName, locale)}</td><td>${translateLoose(t, `monitors.kind.${m.kind}`)}</td><td>!${monitorStateBadge(t, m)}</td><td>${when(m.since)}</td><td>${when(m.lastCheckedAt)}</td><td class="num">${rtt(m.lastRttMs)}</td><td>${m.lastCode ?? ''} ${m.lastDetail}</td></tr>`,
  );
  const head: MessageKey[] = [
    'monitors.col.name',
    'monitors.col.component',
    'monitors.col.kind',
    'monitors.col.state',
    'monitors.col.since',
    'monitors.col.lastCheck',
    'monitors.col.rtt',
    'monitors.col.answer',
  ];
  const table =
    monitors.length === 0
      ? html`<p>${t('monitors.none')}</p>`
      : html`<div class="table-wrap monitor-table" tabindex="0" role="region" aria-label="${t('monitors.title')}"><table><thead><tr>!${head.map((k) => html`<th scope="col">${t(k)}</th>`).join('')}</tr></thead><tbody>!${rows.join('')}</tbody></table></div>`;
  const body = html`<p class="hint">${t('monitors.intro')}</p>!${table}`;
  return renderConsolePage(request, reply, { title: t('monitors.title'), section: 'monitors', body, notice });
}

export interface MonitorPageView {
  monitor: MonitorView;
  checks: MonitorCheckView[];
  span: MonitorSpan;
  /** End of the chart (ms since epoch). */
  until: number;
  isAdmin: boolean;
  /** A heartbeat URL just created: shown this once. */
  heartbeatUrl?: string;
  notice?: string;
}

export function renderMonitorPage(request: FastifyRequest, reply: FastifyReply, v: MonitorPageView): string {
  const { t, locale, timeZone } = request;
  const m = v.monitor;
  const csrf = csrfField(request.csrfToken(reply));
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale, timeZone) : '–');
  const facts = html`<dl class="facts monitor-facts"><dt>${t('monitors.col.component')}</dt><dd>${pick(m.componentName, locale)}</dd><dt>${t('monitors.col.kind')}</dt><dd>${translateLoose(t, `monitors.kind.${m.kind}`)}</dd>!${m.target ? html`<dt>${t('monitors.col.target')}</dt><dd><code>${m.target}</code></dd>` : ''}<dt>${t('monitors.col.state')}</dt><dd>!${monitorStateBadge(t, m)} ${t('monitors.sinceAt', { at: when(m.since) })}</dd><dt>${t('monitors.col.lastCheck')}</dt><dd>${when(m.lastCheckedAt)} · ${rtt(m.lastRttMs)} · ${m.lastCode ?? ''} ${m.lastDetail}</dd>!${m.kind === 'heartbeat' ? '' : html`<dt>${t('monitors.col.schedule')}</dt><dd>${t('monitors.schedule', { interval: m.intervalMs / 1000, timeout: m.timeoutMs / 1000, downAfter: m.downAfter })}</dd>`}!${settingsFact(request, m)}!${m.pausedAt ? html`<dt>${t('monitors.pausedBy')}</dt><dd>${m.pausedBy ?? ''} · ${when(m.pausedAt)}</dd>` : ''}</dl>`;
  const pause = m.pausedAt
    ? html`<form method="post" action="/console/monitors/${m.id}/resume">!${csrf}<button type="submit">${t('monitors.resume')}</button></form>`
    : html`<form method="post" action="/console/monitors/${m.id}/pause">!${csrf}<button type="submit">${t('monitors.pause')}</button></form>`;
  const body = html`<p><a href="/console/monitors">${t('monitors.back')}</a></p>!${facts}<div class="actions">!${pause}</div>!${m.kind === 'heartbeat' ? heartbeatSection(request, v, csrf) : rttSection(request, v)}!${checksTable(request, v.checks.slice(0, recentChecks))}`;
  return renderConsolePage(request, reply, {
    title: pick(m.name, locale),
    section: 'monitors',
    body,
    notice: v.notice,
  });
}

/** The kind's settings as `key: value` (secrets are only `env:NAME` references there). */
function settingsFact(request: FastifyRequest, m: MonitorView): string {
  const { t } = request;
  const s = parseSettings(m.settings);
  if (m.kind === 'heartbeat') {
    const period = Number(s.periodSeconds ?? 0);
    const grace = Number(s.graceSeconds ?? 0);
    return html`<dt>${t('monitors.col.schedule')}</dt><dd>${t('monitors.heartbeat.schedule', { period: formatDuration(period * 1000), grace: formatDuration(grace * 1000) })}</dd>`;
  }
  const entries = Object.entries(s).map(([k, v]) => `${k}: ${String(v)}`);
  return entries.length === 0
    ? ''
    : html`<dt>${t('monitors.col.settings')}</dt><dd><code>${entries.join(' · ')}</code></dd>`;
}

function heartbeatSection(request: FastifyRequest, v: MonitorPageView, csrf: string): string {
  const { t } = request;
  const shown = v.heartbeatUrl
    ? html`<div class="notice monitor-hb" role="status"><p>${t('monitors.heartbeat.shownOnce')}</p><p><code class="secret">${v.heartbeatUrl}</code></p><p class="hint">${t('monitors.heartbeat.example')}</p><pre><code>curl -fsS -m 10 --retry 3 ${v.heartbeatUrl}</code></pre></div>`
    : html`<p>${v.monitor.hasHeartbeatToken ? t('monitors.heartbeat.hasUrl') : t('monitors.heartbeat.noUrl')}</p>`;
  const rotate = v.isAdmin
    ? html`<form method="post" action="/console/monitors/${v.monitor.id}/heartbeat-url">!${csrf}<button type="submit">${v.monitor.hasHeartbeatToken ? t('monitors.heartbeat.rotate') : t('monitors.heartbeat.create')}</button>!${v.monitor.hasHeartbeatToken ? html` <span class="hint">${t('monitors.heartbeat.rotateHint')}</span>` : ''}</form>`
    : '';
  return html`<section aria-labelledby="hb"><h2 id="hb">${t('monitors.heartbeat.title')}</h2>!${shown}!${rotate}</section>`;
}

function rttSection(request: FastifyRequest, v: MonitorPageView): string {
  const { t, locale, timeZone } = request;
  const bucketMs = monitorSpans[v.span];
  const since = v.until - v.span * 3_600_000;
  const sums = new Map<number, { sum: number; n: number }>();
  for (const c of v.checks) {
    const at = Date.parse(c.at);
    if (at < since || c.outcome === 'down') continue;
    const b = at - (at % bucketMs);
    const s = sums.get(b) ?? { sum: 0, n: 0 };
    s.sum += c.rttMs;
    s.n++;
    sums.set(b, s);
  }
  const points: ChartPoint[] = [];
  for (let b = since - (since % bucketMs); b < v.until; b += bucketMs) {
    const s = sums.get(b);
    points.push({ at: new Date(b).toISOString(), value: s ? s.sum / s.n : null });
  }
  const spans = (Object.keys(monitorSpans) as `${MonitorSpan}`[]).map((h) =>
    Number(h) === v.span
      ? html`<li><span aria-current="true">${t('monitors.hours', { hours: h })}</span></li>`
      : html`<li><a href="/console/monitors/${v.monitor.id}?hours=${h}">${t('monitors.hours', { hours: h })}</a></li>`,
  );
  const chart = renderChart({
    t,
    locale,
    timeZone,
    id: 'rtt',
    title: t('monitors.chart.rtt'),
    unit: 'ms',
    series: [{ label: t('monitors.col.rtt'), points }],
  });
  return html`<section aria-labelledby="rtt-h"><h2 id="rtt-h">${t('monitors.chart.rtt')}</h2><nav aria-label="${t('monitors.chart.span')}"><ul class="inline-list">!${spans.join('')}</ul></nav>!${chart}<p class="hint">${t('monitors.chart.gaps')}</p></section>`;
}

function checksTable(request: FastifyRequest, checks: MonitorCheckView[]): string {
  const { t, locale, timeZone } = request;
  if (checks.length === 0) return html`<h2>${t('monitors.checks')}</h2><p>${t('monitors.noChecks')}</p>`;
  const rows = checks.map(
    (c) =>
      html`<tr><td>${formatDateTime(c.at, locale, timeZone)}</td><td><span class="badge monitor-${c.outcome}">${translateLoose(t, `monitors.state.${c.outcome}`)}</span></td><td class="num">${rtt(c.rttMs)}</td><td>${c.code ?? ''}</td><td>${c.detail}</td></tr>`,
  );
  return html`<h2 id="checks-h">${t('monitors.checks')}</h2><div class="table-wrap monitor-table" tabindex="0" role="region" aria-labelledby="checks-h"><table><thead><tr><th scope="col">${t('monitors.col.at')}</th><th scope="col">${t('monitors.col.outcome')}</th><th scope="col">${t('monitors.col.rtt')}</th><th scope="col">${t('monitors.col.code')}</th><th scope="col">${t('monitors.col.detail')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table></div>`;
}
