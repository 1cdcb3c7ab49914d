/**
 * @module Console alert pages: the list (firing, then recently ended), one alert with its finding
 * in words, the chart and the operator's choices (seen, dismiss, declare with prefilled text),
 * and the dashboard banner for alerts waiting for a decision.
 */
import { html } from 'ghtml';
import { describeEvidence } from '#src/domain/detectors/text.ts';
import type { FieldError } from '#src/domain/errors.ts';
import type { AlertView } from '#src/services/alert-rows.ts';
import { type Locale, type Translate, translateLoose } from '../../i18n/index.ts';
import { formatDateTime, pick } from '../format.ts';
import { csrfField, fieldError, input, select } from '../forms.ts';
import { type RttPoint, renderAlertChart } from './alert-chart.ts';
import { alertBox, errorList } from './kit.ts';

export interface AlertPageContext {
  t: Translate;
  locale: Locale;
  timeZone: string;
  csrf: string;
  componentName: (id: string) => string;
}

const severityBadge = (t: Translate, s: string) =>
  html`<span class="alert-severity-${s}">${translateLoose(t, `alerts.severity.${s}`)}</span>`;

function decisionText(c: AlertPageContext, a: AlertView): string {
  const decision = translateLoose(c.t, `alerts.decision.${a.decision}`);
  const seen = a.acknowledgedBy ? ` · ${c.t('alerts.acknowledgedBy', { who: a.acknowledgedBy })}` : '';
  return `${decision}${seen}`;
}

function alertRow(c: AlertPageContext, a: AlertView, ended: boolean): string {
  const when = (iso: string | null) => (iso ? formatDateTime(iso, c.locale, c.timeZone) : '–');
  return html`<tr><td>!${severityBadge(c.t, a.severity)}</td><td><a href="/console/alerts/${a.id}">${pick(a.title, c.locale)}</a></td><td>${c.componentName(a.componentId)}</td><td>${when(a.startedAt)}</td>!${ended ? html`<td>${when(a.resolvedAt)}</td>` : ''}<td>${decisionText(c, a)}</td></tr>`;
}

function alertTable(
  c: AlertPageContext,
  list: readonly AlertView[],
  ended: boolean,
  caption: string,
): string {
  const t = c.t;
  return html`<div class="table-wrap"><table><caption class="visually-hidden">${caption}</caption><thead><tr><th scope="col">${t('alerts.col.severity')}</th><th scope="col">${t('alerts.col.alert')}</th><th scope="col">${t('alerts.col.component')}</th><th scope="col">${t('alerts.col.since')}</th>!${ended ? html`<th scope="col">${t('alerts.col.until')}</th>` : ''}<th scope="col">${t('alerts.col.decision')}</th></tr></thead><tbody>!${list.map((a) => alertRow(c, a, ended)).join('')}</tbody></table></div>`;
}

export function renderAlertList(
  c: AlertPageContext,
  lists: { firing: readonly AlertView[]; resolved: readonly AlertView[] },
): string {
  const t = c.t;
  const firing = lists.firing.length
    ? alertTable(c, lists.firing, false, t('alerts.firing'))
    : html`<p>${t('alerts.noneFiring')}</p>`;
  const resolved = lists.resolved.length
    ? alertTable(c, lists.resolved, true, t('alerts.recent'))
    : html`<p>${t('alerts.noneRecent')}</p>`;
  return html`<section aria-labelledby="firing-heading"><h2 id="firing-heading">${t('alerts.firing')}</h2>!${firing}</section><section aria-labelledby="recent-heading"><h2 id="recent-heading">${t('alerts.recent')}</h2>!${resolved}</section>`;
}

export interface DeclareValues {
  title_de: string;
  title_en: string;
  message_de: string;
  message_en: string;
  componentStatus: string;
}

export interface AlertDetailState {
  values: DeclareValues;
  errors: readonly FieldError[];
  /** A refusal that concerns the whole alert (decided meanwhile), translated. */
  refusal?: string;
}

const faultStatuses = ['degraded_performance', 'partial_outage', 'major_outage'] as const;

function facts(c: AlertPageContext, a: AlertView): string {
  const t = c.t;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, c.locale, c.timeZone) : '–');
  const incident = a.incidentId
    ? html`<dt>${t('alerts.field.incident')}</dt><dd><a href="/console/incidents/${a.incidentId}">${a.incidentId}</a></dd>`
    : '';
  return html`<dl class="summary"><dt>${t('alerts.field.state')}</dt><dd>${translateLoose(t, `alerts.state.${a.state}`)}</dd><dt>${t('alerts.field.severity')}</dt><dd>!${severityBadge(t, a.severity)}</dd><dt>${t('alerts.field.component')}</dt><dd>${c.componentName(a.componentId)}</dd><dt>${t('alerts.field.source')}</dt><dd>${translateLoose(t, `alerts.source.${a.source}`)}</dd><dt>${t('alerts.field.startedAt')}</dt><dd>${when(a.startedAt)}</dd><dt>${t('alerts.field.lastEvaluatedAt')}</dt><dd>${when(a.lastEvaluatedAt)}</dd><dt>${t('alerts.field.resolvedAt')}</dt><dd>${when(a.resolvedAt)}</dd><dt>${t('alerts.field.decision')}</dt><dd>${decisionText(c, a)}</dd>!${incident}</dl>`;
}

function actions(c: AlertPageContext, a: AlertView, s: AlertDetailState): string {
  const t = c.t;
  const csrf = csrfField(c.csrf);
  const quick = [
    a.acknowledgedAt === null
      ? html`<form method="post" action="/console/alerts/${a.id}/acknowledge" class="inline">!${csrf}<button type="submit">${t('alerts.action.acknowledge')}</button></form>`
      : '',
    a.decision === 'pending'
      ? html`<form method="post" action="/console/alerts/${a.id}/dismiss" class="inline">!${csrf}<button type="submit">${t('alerts.action.dismiss')}</button></form>`
      : '',
  ].join(' ');
  if (a.decision !== 'pending') return quick ? html`<p class="actions">!${quick}</p>` : '';
  const v = s.values;
  const labels: Record<string, string> = {
    title_de: t('alerts.declare.title_de'),
    title_en: t('alerts.declare.title_en'),
    message_de: t('alerts.declare.message_de'),
    message_en: t('alerts.declare.message_en'),
    'components[0].status': t('alerts.declare.componentStatus'),
  };
  const err = (path: string) => fieldError(t, s.errors, path);
  const declare = html`<section aria-labelledby="declare-heading"><h2 id="declare-heading">${t('alerts.declare.heading')}</h2><p class="hint">${t('alerts.declare.hint')}</p>!${errorList(t, s.errors, labels)}<form method="post" action="/console/alerts/${a.id}/declare" novalidate>!${csrf}!${select(
    {
      name: 'componentStatus',
      label: labels['components[0].status']!,
      value: v.componentStatus,
      error: err('components[0].status'),
      options: faultStatuses.map((value) => ({ value, label: translateLoose(t, `status.${value}`) })),
    },
  )}!${input({ name: 'title_de', label: labels.title_de!, value: v.title_de, error: err('title_de') })}!${input({ name: 'title_en', label: labels.title_en!, value: v.title_en, error: err('title_en') })}!${input({ name: 'message_de', label: labels.message_de!, value: v.message_de, error: err('message_de'), multiline: true })}!${input({ name: 'message_en', label: labels.message_en!, value: v.message_en, error: err('message_en'), multiline: true })}<button type="submit">${t('alerts.action.declare')}</button></form></section>`;
  return html`<p class="actions">!${quick}</p>!${declare}`;
}

export function renderAlertDetail(
  c: AlertPageContext,
  a: AlertView,
  s: AlertDetailState,
  checks: readonly RttPoint[],
): string {
  const t = c.t;
  const finding = a.evidence ? describeEvidence(a.evidence, c.locale, c.timeZone) : t('alerts.noEvidence');
  const chart = renderAlertChart({ t, locale: c.locale, timeZone: c.timeZone, evidence: a.evidence, checks });
  return html`<p><a href="/console/alerts">← ${t('alerts.title')}</a></p>!${alertBox(s.refusal ?? '')}!${facts(c, a)}<section aria-labelledby="evidence-heading"><h2 id="evidence-heading">${t('alerts.evidence')}</h2><p>${finding}</p>!${chart}</section>!${actions(c, a, s)}`;
}

/** Dashboard banner: firing alerts nobody has decided on or acknowledged yet. */
export function renderAlertBanner(c: AlertPageContext, pending: readonly AlertView[]): string {
  if (pending.length === 0) return '';
  const t = c.t;
  const items = pending
    .slice(0, 10)
    .map(
      (a) =>
        html`<li>!${severityBadge(t, a.severity)} <a href="/console/alerts/${a.id}">${pick(a.title, c.locale)}</a> · ${c.componentName(a.componentId)} · ${formatDateTime(a.startedAt, c.locale, c.timeZone)}</li>`,
    )
    .join('');
  return html`<section class="report-alert" aria-labelledby="alert-banner-heading"><h2 id="alert-banner-heading">${t('alerts.banner.heading')}</h2><p>${t('alerts.banner.count', { count: pending.length })} <a href="/console/alerts">${t('alerts.banner.open')}</a></p><ul>!${items}</ul></section>`;
}

/**
 * On an open incident: the alerts linked to it, and once they have all ended a banner proposing
 * to resolve it, with one button that posts the incident's resolve form (a prepared public text
 * in both languages).
 */
export function renderResolutionProposal(
  c: Omit<AlertPageContext, 'componentName'>,
  incidentId: string,
  recovery: { alerts: readonly AlertView[]; recovered: boolean; lastResolvedAt: string | null },
  resolveFieldPrefix: string,
): string {
  const t = c.t;
  const items = recovery.alerts
    .map(
      (a) =>
        html`<li>!${severityBadge(t, a.severity)} <a href="/console/alerts/${a.id}">${pick(a.title, c.locale)}</a> · ${translateLoose(t, `alerts.state.${a.state}`)} · ${formatDateTime(a.startedAt, c.locale, c.timeZone)}</li>`,
    )
    .join('');
  const list = items
    ? html`<section aria-labelledby="incident-alerts-heading"><h2 id="incident-alerts-heading">${t('alerts.incident.heading')}</h2><ul>!${items}</ul></section>`
    : '';
  if (!recovery.recovered || !recovery.lastResolvedAt) return list;
  const hidden = (name: string, value: string) =>
    html`<input type="hidden" name="${resolveFieldPrefix}${name}" value="${value}">`;
  return html`<section class="report-alert" aria-labelledby="proposal-heading"><h2 id="proposal-heading">${t('alerts.proposal.heading')}</h2><p>${t('alerts.proposal.text', { time: formatDateTime(recovery.lastResolvedAt, c.locale, c.timeZone) })}</p><form method="post" action="/console/incidents/${incidentId}/resolve">!${csrfField(c.csrf)}!${hidden('message_de', t('alerts.proposal.message_de'))}!${hidden('message_en', t('alerts.proposal.message_en'))}!${hidden('visibility', 'public')}<button type="submit">${t('alerts.proposal.resolve')}</button></form></section>!${list}`;
}
