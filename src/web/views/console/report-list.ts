/**
 * @module The report inbox: the "possible outage" banners, filters (queue, state, service,
 * assignee), the list newest first with checkboxes, and below it the bulk form that links the
 * ticked reports to an open incident. Checkboxes and the bulk form are one <form>, so the
 * selection survives a refused submit.
 */
import { html } from 'ghtml';
import type { ReportFilter, ReportPage } from '#src/services/list-reports.ts';
import type { IncidentView } from '#src/services/views.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { formatDateTime, pick } from '../format.ts';
import { csrfField, select } from '../forms.ts';
import {
  type AlertBannerOptions,
  alertBox,
  errorOf,
  type FormState,
  renderReportAlertBanner,
  reportStateBadge,
  serviceNamer,
} from './report-common.ts';

export interface ReportInboxOptions extends AlertBannerOptions {
  page: ReportPage;
  filter: ReportFilter;
  queues: readonly string[];
  users: readonly { id: string; email: string }[];
  meId: string | null;
  openIncidents: readonly IncidentView[];
  bulk: FormState;
}

export function renderReportInbox(o: ReportInboxOptions): string {
  return html`!${renderReportAlertBanner(o)}!${filters(o)}<form method="post" action="/console/reports/link">!${csrfField(o.csrf)}!${alertBox(o.bulk.alert)}!${listTable(o)}!${pager(o)}!${bulkForm(o)}</form>`;
}

function filters(o: ReportInboxOptions): string {
  const { t, locale, filter } = o;
  const any = { value: '', label: t('console.reports.any') };
  const states = ['open', 'new', 'triaged', 'linked', 'closed', 'all'].map((s) => ({
    value: s,
    label:
      s === 'open' || s === 'all'
        ? t(`console.reports.stateFilter.${s}`)
        : t(`console.reports.state.${s as 'new'}`),
  }));
  const assignees = [
    any,
    { value: 'none', label: t('console.reports.assignee.none') },
    ...o.users.map((u) => ({
      value: u.id,
      label: u.id === o.meId ? `${u.email} (${t('console.reports.assignee.me')})` : u.email,
    })),
  ];
  return html`<form method="get" action="/console/reports" class="filters" role="search" aria-label="${t('console.reports.filters')}">!${select({ name: 'queue', label: t('console.reports.field.queue'), options: [any, ...o.queues.map((q) => ({ value: q, label: q }))], value: filter.queue ?? '' })}!${select({ name: 'state', label: t('console.reports.field.state'), options: states, value: filter.state ?? 'open' })}!${select({ name: 'service', label: t('console.reports.field.service'), options: [any, ...o.services.map((s) => ({ value: s.id, label: pick(s.name, locale) }))], value: filter.serviceId ?? '' })}!${select({ name: 'assignee', label: t('console.reports.field.assignee'), options: assignees, value: filter.assigneeId ?? '' })}<p><button type="submit">${t('console.reports.filter')}</button> <a href="/console/reports">${t('console.reports.clear')}</a></p></form>`;
}

function listTable(o: ReportInboxOptions): string {
  const { t, locale, timeZone } = o;
  if (o.page.reports.length === 0) return html`<p>${t('console.reports.none')}</p>`;
  const service = serviceNamer(o.services, locale);
  const email = new Map(o.users.map((u) => [u.id, u.email]));
  const chosen = new Set((o.bulk.values.reportIds ?? '').split(',').filter(Boolean));
  const rows = o.page.reports
    .map((r) => {
      const box = html`<input type="checkbox" name="reportIds" value="${r.id}" aria-label="${r.ticket}"!${chosen.has(r.id) ? ' checked' : ''}!${r.state === 'closed' ? ' disabled' : ''}>`;
      const excerpt = r.description.length > 140 ? `${r.description.slice(0, 140)}…` : r.description;
      return html`<tr><td>!${box}</td><td><a href="/console/reports/${r.id}">${r.ticket}</a></td><td>${formatDateTime(r.createdAt, locale, timeZone)}</td><td>${service(r.serviceId)}</td><td>${r.queue}</td><td>!${reportStateBadge(t, r.state)}</td><td>${r.company}<br>${r.name}</td><td>${excerpt}</td><td>${r.assigneeId ? (email.get(r.assigneeId) ?? r.assigneeId) : '–'}</td></tr>`;
    })
    .join('');
  return html`<p>${t('console.reports.count', { total: o.page.total })}</p><table><thead><tr><th scope="col"><span class="visually-hidden">${t('console.reports.col.select')}</span></th><th scope="col">${t('console.reports.col.ticket')}</th><th scope="col">${t('console.reports.col.received')}</th><th scope="col">${t('console.reports.field.service')}</th><th scope="col">${t('console.reports.field.queue')}</th><th scope="col">${t('console.reports.field.state')}</th><th scope="col">${t('console.reports.col.reporter')}</th><th scope="col">${t('console.reports.col.description')}</th><th scope="col">${t('console.reports.field.assignee')}</th></tr></thead><tbody>!${rows}</tbody></table>`;
}

/** Page links keep the filters. */
function pager(o: ReportInboxOptions): string {
  const { t } = o;
  const { page, pages } = o.page;
  if (pages <= 1) return '';
  const f = o.filter;
  const query = (p: number) =>
    new URLSearchParams({
      ...(f.queue ? { queue: f.queue } : {}),
      ...(f.state ? { state: f.state } : {}),
      ...(f.serviceId ? { service: f.serviceId } : {}),
      ...(f.assigneeId ? { assignee: f.assigneeId } : {}),
      page: String(p),
    }).toString();
  const newer =
    page > 1
      ? html`<a rel="prev" href="/console/reports?${query(page - 1)}">${t('console.reports.newer')}</a>`
      : '';
  const older =
    page < pages
      ? html`<a rel="next" href="/console/reports?${query(page + 1)}">${t('console.reports.older')}</a>`
      : '';
  return html`<nav class="pager" aria-label="${t('console.reports.pagerLabel')}">!${newer} <span>${t('console.reports.page', { page, pages })}</span> !${older}</nav>`;
}

/** Open incidents as select options, newest first. */
export function incidentOptions(t: Translate, locale: Locale, incidents: readonly IncidentView[]) {
  return [
    { value: '', label: t('console.reports.chooseIncident') },
    ...incidents.map((i) => ({ value: i.id, label: pick(i.title, locale) })),
  ];
}

function bulkForm(o: ReportInboxOptions): string {
  const { t } = o;
  const body =
    o.openIncidents.length === 0
      ? html`<p>${t('console.reports.noOpenIncidents')}</p>`
      : html`<p class="hint">${t('console.reports.bulkHint')}</p>!${errorOf(t, o.bulk, 'reportIds') ? html`<p class="error">${errorOf(t, o.bulk, 'reportIds')}</p>` : ''}!${select({ name: 'incidentId', label: t('console.reports.field.incident'), options: incidentOptions(t, o.locale, o.openIncidents), value: o.bulk.values.incidentId ?? '', error: errorOf(t, o.bulk, 'incidentId') })}<p><button type="submit">${t('console.reports.link')}</button></p>`;
  return html`<section class="report-bulk" aria-labelledby="bulk-heading"><h2 id="bulk-heading">${t('console.reports.bulkHeading')}</h2>!${body}</section>`;
}
