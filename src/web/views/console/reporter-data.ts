/**
 * @module Console view of one reporter's data: the lookup form, the reports found (with export and
 * erase buttons) and the erase confirmation. The address travels in POST bodies only, never in a
 * URL (where it would end up in logs and the browser history).
 */
import type { FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { ReporterReport } from '#src/services/find-reporter-data.ts';
import { translateLoose } from '#src/web/i18n/index.ts';
import { formatDateTime, pick } from '#src/web/views/format.ts';
import { csrfField, input } from '#src/web/views/forms.ts';

export interface ReporterPage {
  email: string;
  emailError?: string;
  /** Set after a lookup. */
  reports?: readonly ReporterReport[];
  /** The erase confirmation step. */
  confirmErase?: boolean;
  retentionDays: number;
  services: ReadonlyMap<string, { de: string; en: string }>;
  csrf: string;
}

const hidden = (email: string) => html`<input type="hidden" name="email" value="${email}">`;

export function renderReporterData(r: FastifyRequest, p: ReporterPage): string {
  const t = r.t;
  const lookup = html`<form method="post" action="/console/reporter-data" class="reporter-lookup">!${csrfField(p.csrf)}!${input({ name: 'email', label: t('reportData.reporter.email'), type: 'email', value: p.email, required: true, autocomplete: 'off', error: p.emailError ?? '' })}<p class="actions"><button type="submit" name="action" value="find">${t('reportData.reporter.find')}</button></p></form>`;
  const intro = html`<p>${t('reportData.reporter.intro')}</p><p>${t('reportData.reporter.retention', { days: p.retentionDays })}</p>`;
  if (p.confirmErase && p.reports) return html`!${intro}!${confirm(r, p)}`;
  return html`!${intro}!${lookup}!${p.reports ? results(r, p, p.reports) : ''}`;
}

function results(r: FastifyRequest, p: ReporterPage, reports: readonly ReporterReport[]): string {
  const t = r.t;
  if (reports.length === 0)
    return html`<p role="status">${t('reportData.reporter.none', { email: p.email })}</p>`;
  const service = (id: string) => {
    const name = p.services.get(id);
    return name ? pick(name, r.locale) : id;
  };
  const rows = reports.map(
    (x) =>
      html`<tr><th scope="row"><a href="/console/reports/${encodeURIComponent(x.id)}">${x.ticket}</a></th><td>${service(x.serviceId)}</td><td>${`${x.firstName} ${x.lastName}`.trim()}</td><td>${formatDateTime(x.createdAt, r.locale, r.timeZone)}</td><td>${translateLoose(t, `console.reports.state.${x.state}`)}</td><td>${x.comments.length}</td></tr>`,
  );
  const form = (action: string, label: string, cls = '') =>
    html`<form method="post" action="/console/reporter-data" class="inline">!${csrfField(p.csrf)}!${hidden(p.email)}<button type="submit" name="action" value="${action}"!${cls ? html` class="${cls}"` : ''}>${label}</button></form>`;
  return html`<section aria-labelledby="reporter-found"><h2 id="reporter-found">${t('reportData.reporter.found', { count: reports.length, email: p.email })}</h2><table><thead><tr><th scope="col">${t('reportData.reporter.ticket')}</th><th scope="col">${t('reportData.reporter.service')}</th><th scope="col">${t('reportData.reporter.name')}</th><th scope="col">${t('reportData.reporter.created')}</th><th scope="col">${t('reportData.reporter.state')}</th><th scope="col">${t('reportData.reporter.comments')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table><p class="actions">!${form('export', t('reportData.reporter.export'))} !${form('erase', t('reportData.reporter.erase'), 'danger')}</p></section>`;
}

function confirm(r: FastifyRequest, p: ReporterPage): string {
  const t = r.t;
  const count = p.reports?.length ?? 0;
  return html`<section aria-labelledby="reporter-erase"><h2 id="reporter-erase">${t('reportData.reporter.eraseTitle', { email: p.email })}</h2><p>${t('reportData.reporter.eraseText', { count })}</p><form method="post" action="/console/reporter-data">!${csrfField(p.csrf)}!${hidden(p.email)}<p class="actions"><button type="submit" name="action" value="erase-confirmed" class="danger">${t('reportData.reporter.eraseConfirm')}</button> <button type="submit" name="action" value="find">${t('reportData.delete.cancel')}</button></p></form></section>`;
}
