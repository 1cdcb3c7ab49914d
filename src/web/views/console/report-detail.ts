/**
 * @module The report page: what the reporter told us (all fields, identifiers, the self-check
 * path), the internal comments, and the actions the report's state allows: assign, triage, link
 * to an open incident, declare an incident from it, close with a reason; for a report linked to
 * a resolved incident, closing all of that incident's reports with one message.
 */
import { html } from 'ghtml';
import type { ReportView } from '#src/services/get-report.ts';
import { closeReasons } from '#src/services/report-transition.ts';
import type { IncidentView } from '#src/services/views.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { translateLoose } from '../../i18n/index.ts';
import { formatDateTime, pick } from '../format.ts';
import { csrfField, input, select } from '../forms.ts';
import { alertBox, errorOf, type FormState, reportStateBadge } from './report-common.ts';
import { renderDeclareFromReportForm } from './report-declare.ts';
import { incidentOptions } from './report-list.ts';

export interface ReportDetailOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
  csrf: string;
  report: ReportView;
  serviceName: string;
  componentNames: readonly string[];
  users: readonly { id: string; email: string }[];
  meId: string | null;
  openIncidents: readonly IncidentView[];
  form: FormState;
}

export function renderReportDetail(o: ReportDetailOptions): string {
  const open = o.report.state !== 'closed';
  const actions = open
    ? html`!${assignSection(o)}!${o.report.state === 'new' ? triageSection(o) : ''}!${linkSection(o)}!${o.report.state === 'linked' ? '' : declareSection(o)}!${closeSection(o)}`
    : '';
  const closeAll = o.report.incident?.resolved && o.report.state === 'linked' ? closeAllSection(o) : '';
  return html`<p><a href="/console/reports">${o.t('console.reports.back')}</a></p>!${alertBox(o.form.alert)}!${summary(o)}!${reporter(o)}!${identifiers(o)}!${triagePath(o)}!${actions}!${closeAll}!${comments(o)}`;
}

/** Typed text with its line breaks kept (each line escaped, joined with <br>). */
const lines = (v: string) =>
  v
    .split(/\r?\n/)
    .map((l) => html`${l}`)
    .join('<br>');

const row = (label: string, value: string) => html`<dt>${label}</dt><dd>!${value}</dd>`;
const text = (v: string) => html`${v || '–'}`;

function summary(o: ReportDetailOptions): string {
  const { t, report: r, locale, timeZone } = o;
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  const incident = r.incident
    ? html`<a href="/console/incidents/${r.incident.id}">${pick(r.incident.title, locale)}</a>`
    : '–';
  return html`<dl class="summary">!${row(t('console.reports.field.state'), reportStateBadge(t, r.state))}!${r.closeReason ? row(t('console.reports.field.closeReason'), text(translateLoose(t, `console.reports.reason.${r.closeReason}`))) : ''}!${row(t('console.reports.field.service'), text(o.serviceName))}!${r.serviceOther ? row(t('console.reports.field.serviceOther'), text(r.serviceOther)) : ''}!${row(t('console.reports.field.queue'), text(r.queue))}!${row(t('console.reports.field.assignee'), text(r.assignee?.email ?? ''))}!${row(t('console.reports.field.linkedIncident'), incident)}!${row(t('console.reports.col.received'), text(when(r.createdAt)))}!${row(t('console.reports.field.updated'), text(when(r.updatedAt)))}</dl>`;
}

function reporter(o: ReportDetailOptions): string {
  const { t, report: r } = o;
  const erased = r.erasedAt
    ? html`<p>${t('console.reports.erased', { at: formatDateTime(r.erasedAt, o.locale, o.timeZone) })}</p>`
    : '';
  const mail = r.email ? html`<a href="mailto:${r.email}">${r.email}</a>` : '–';
  const phone = r.phone ? html`<a href="tel:${r.phone}">${r.phone}</a>` : '–';
  return html`<section aria-labelledby="reporter-heading"><h2 id="reporter-heading">${t('console.reports.details')}</h2>!${erased}<dl class="summary">!${row(t('console.reports.field.kind'), text(translateLoose(t, `console.reports.kind.${r.reporterKind}`)))}!${row(t('console.reports.field.company'), text(r.company))}!${row(t('console.reports.field.name'), text(`${r.firstName} ${r.lastName}`.trim()))}!${row(t('console.reports.field.email'), mail)}!${row(t('console.reports.field.phone'), phone)}!${row(t('console.reports.field.locale'), text(r.locale))}</dl><h3>${t('console.reports.field.description')}</h3><p class="report-description">!${r.description ? lines(r.description) : '–'}</p></section>`;
}

function identifiers(o: ReportDetailOptions): string {
  const { t } = o;
  const entries = Object.entries(o.report.identifiers);
  const body =
    entries.length === 0
      ? html`<p>${t('console.reports.noIdentifiers')}</p>`
      : html`<dl class="summary">!${entries.map(([k, v]) => row(k, text(v))).join('')}</dl>`;
  return html`<section aria-labelledby="ids-heading"><h2 id="ids-heading">${t('console.reports.identifiers')}</h2>!${body}</section>`;
}

function triagePath(o: ReportDetailOptions): string {
  const { t } = o;
  const steps = o.report.triagePath;
  const body =
    steps.length === 0
      ? html`<p>${t('console.reports.noTriagePath')}</p>`
      : html`<ol>!${steps.map((s) => html`<li><code>${s.node}</code> → ${s.answer}</li>`).join('')}</ol>`;
  return html`<section aria-labelledby="path-heading"><h2 id="path-heading">${t('console.reports.triagePath')}</h2>!${body}</section>`;
}

const section = (id: string, heading: string, body: string) =>
  html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>!${body}</section>`;

function assignSection(o: ReportDetailOptions): string {
  const { t, report: r } = o;
  const base = `/console/reports/${r.id}/assign`;
  const options = [
    { value: '', label: t('console.reports.assignee.none') },
    ...o.users.map((u) => ({ value: u.id, label: u.email })),
  ];
  const toMe =
    o.meId && r.assignee?.id !== o.meId
      ? html`<form method="post" action="${base}" class="inline">!${csrfField(o.csrf)}<input type="hidden" name="assigneeId" value="${o.meId}"><button type="submit">${t('console.reports.assignToMe')}</button></form>`
      : '';
  const other = html`<form method="post" action="${base}">!${csrfField(o.csrf)}!${select({ name: 'assigneeId', label: t('console.reports.field.assignee'), options, value: o.form.values.assigneeId ?? r.assignee?.id ?? '', error: errorOf(t, o.form, 'assigneeId') })}<p><button type="submit">${t('console.reports.assign')}</button></p></form>`;
  return section('assign-heading', t('console.reports.assignHeading'), toMe + other);
}

function triageSection(o: ReportDetailOptions): string {
  const { t } = o;
  const form = html`<form method="post" action="/console/reports/${o.report.id}/triage">!${csrfField(o.csrf)}<button type="submit">${t('console.reports.triage')}</button></form>`;
  return section('triage-heading', t('console.reports.triageHeading'), form);
}

function linkSection(o: ReportDetailOptions): string {
  const { t } = o;
  const body =
    o.openIncidents.length === 0
      ? html`<p>${t('console.reports.noOpenIncidents')}</p>`
      : html`<form method="post" action="/console/reports/${o.report.id}/link">!${csrfField(o.csrf)}!${select({ name: 'incidentId', label: t('console.reports.field.incident'), options: incidentOptions(t, o.locale, o.openIncidents), value: o.form.values.incidentId ?? o.report.incident?.id ?? '', error: errorOf(t, o.form, 'incidentId') })}<p><button type="submit">${t('console.reports.link')}</button></p></form>`;
  return section('link-heading', t('console.reports.linkHeading'), body);
}

function declareSection(o: ReportDetailOptions): string {
  const { t } = o;
  const form = renderDeclareFromReportForm({
    t,
    csrf: o.csrf,
    action: `/console/reports/${o.report.id}/declare`,
    components: o.componentNames,
    defaults: {
      title: t('console.reports.defaultTitle', { service: o.serviceName }),
      message: t('console.reports.defaultMessage', { service: o.serviceName }),
    },
    form: o.form,
  });
  return section('declare-heading', t('console.reports.declareHeading'), form);
}

function closeSection(o: ReportDetailOptions): string {
  const { t, form } = o;
  const reasons = closeReasons.map((r) => ({ value: r, label: t(`console.reports.reason.${r}`) }));
  const body = html`<form method="post" action="/console/reports/${o.report.id}/close">!${csrfField(o.csrf)}!${select({ name: 'reason', label: t('console.reports.field.closeReason'), options: reasons, value: form.values.reason ?? 'local_cause', error: errorOf(t, form, 'reason') })}!${input({ name: 'note', label: t('console.reports.field.note'), value: form.values.note ?? '', multiline: true, rows: 2, error: errorOf(t, form, 'note') })}<p><button type="submit">${t('console.reports.close')}</button></p></form>`;
  return section('close-heading', t('console.reports.closeHeading'), body);
}

function closeAllSection(o: ReportDetailOptions): string {
  const { t, form } = o;
  const body = html`<p class="hint">${t('console.reports.closeAllHint')}</p><form method="post" action="/console/reports/incident/${o.report.incident!.id}/close">!${csrfField(o.csrf)}<input type="hidden" name="from" value="${o.report.id}">!${input({ name: 'message', label: t('console.reports.field.closeMessage'), value: form.values.message ?? '', multiline: true, rows: 3, required: true, error: errorOf(t, form, 'message') })}<p><button type="submit">${t('console.reports.closeAll')}</button></p></form>`;
  return section('close-all-heading', t('console.reports.closeAllHeading'), body);
}

function comments(o: ReportDetailOptions): string {
  const { t, locale, timeZone, form } = o;
  const list =
    o.report.comments.length === 0
      ? html`<p>${t('console.reports.noComments')}</p>`
      : html`<ol class="timeline">!${o.report.comments.map((c) => html`<li class="timeline-entry internal"><p class="meta"><time datetime="${c.createdAt}">${formatDateTime(c.createdAt, locale, timeZone)}</time> · ${t('console.reports.by', { author: c.author })}</p><p class="report-comment">!${lines(c.body)}</p></li>`).join('')}</ol>`;
  const add = html`<form method="post" action="/console/reports/${o.report.id}/comments">!${csrfField(o.csrf)}!${input({ name: 'body', label: t('console.reports.field.comment'), hint: t('console.reports.hint.comment'), value: form.values.body ?? '', multiline: true, rows: 3, required: true, error: errorOf(t, form, 'body') })}<p><button type="submit">${t('console.reports.addComment')}</button></p></form>`;
  return section('comments-heading', t('console.reports.comments'), list + add);
}
