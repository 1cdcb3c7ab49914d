/**
 * @module The incident list: open incidents first (all of them: during an outage nothing may
 * hide on page 2), then resolved ones newest first with page links.
 */
import { html } from 'ghtml';
import type { IncidentPage } from '#src/services/list-incidents.ts';
import type { Catalog } from '#src/services/load-catalog.ts';
import type { IncidentView } from '#src/services/views.ts';
import type { Locale, Translate } from '../../i18n/index.ts';
import { translateLoose } from '../../i18n/index.ts';
import { formatDateTime, formatDuration, pick } from '../format.ts';
import { componentNamer, componentStatusBadge, incidentStatusBadge } from './incident-common.ts';

export interface IncidentListOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
  catalog: Pick<Catalog, 'components'>;
  open: readonly IncidentView[];
  resolved: IncidentPage;
}

export function renderIncidentList(o: IncidentListOptions): string {
  const { t } = o;
  return html`<p><a class="button primary" href="/console/incidents/new">${t('console.incidents.new')}</a></p><section aria-labelledby="open-heading"><h2 id="open-heading">${t('console.incidents.open')}</h2>!${o.open.length > 0 ? openTable(o) : html`<p>${t('console.incidents.noneOpen')}</p>`}</section><section aria-labelledby="resolved-heading"><h2 id="resolved-heading">${t('console.incidents.resolved')}</h2>!${o.resolved.incidents.length > 0 ? resolvedTable(o) + pager(o) : html`<p>${t('console.incidents.noneResolved')}</p>`}</section>`;
}

const titleLink = (i: IncidentView, locale: Locale) =>
  html`<a href="/console/incidents/${i.id}">${pick(i.title, locale)}</a>`;

function openTable(o: IncidentListOptions): string {
  const { t, locale, timeZone } = o;
  const name = componentNamer(o.catalog.components, locale);
  const rows = o.open
    .map(
      (i) =>
        html`<tr><td>!${titleLink(i, locale)}</td><td>!${incidentStatusBadge(t, i.status)}</td><td>${translateLoose(t, `impact.${i.impact}`)}</td><td><ul class="plain">!${i.components.map((c) => html`<li>${name(c.componentId)} !${componentStatusBadge(t, c.status)}</li>`).join('')}</ul></td><td>${formatDateTime(i.createdAt, locale, timeZone)}</td><td>${formatDateTime(i.updatedAt, locale, timeZone)}</td></tr>`,
    )
    .join('');
  return html`<table><thead><tr><th scope="col">${t('console.incidents.col.title')}</th><th scope="col">${t('console.incidents.col.status')}</th><th scope="col">${t('console.incidents.col.impact')}</th><th scope="col">${t('console.incidents.field.components')}</th><th scope="col">${t('console.incidents.col.started')}</th><th scope="col">${t('console.incidents.col.updated')}</th></tr></thead><tbody>!${rows}</tbody></table>`;
}

function resolvedTable(o: IncidentListOptions): string {
  const { t, locale, timeZone } = o;
  const rows = o.resolved.incidents
    .map((i) => {
      const resolvedAt = i.resolvedAt ?? i.updatedAt;
      const duration = new Date(resolvedAt).getTime() - new Date(i.createdAt).getTime();
      return html`<tr><td>!${titleLink(i, locale)}</td><td>${translateLoose(t, `impact.${i.impact}`)}</td><td>${formatDateTime(i.createdAt, locale, timeZone)}</td><td>${formatDateTime(resolvedAt, locale, timeZone)}</td><td>${formatDuration(duration)}</td></tr>`;
    })
    .join('');
  return html`<table><thead><tr><th scope="col">${t('console.incidents.col.title')}</th><th scope="col">${t('console.incidents.col.impact')}</th><th scope="col">${t('console.incidents.col.started')}</th><th scope="col">${t('console.incidents.col.resolvedAt')}</th><th scope="col">${t('console.incidents.col.duration')}</th></tr></thead><tbody>!${rows}</tbody></table>`;
}

function pager(o: IncidentListOptions): string {
  const { t } = o;
  const { page, pages } = o.resolved;
  if (pages <= 1) return '';
  const newer =
    page > 1
      ? html`<a rel="prev" href="/console/incidents?page=${page - 1}">${t('console.incidents.newer')}</a>`
      : '';
  const older =
    page < pages
      ? html`<a rel="next" href="/console/incidents?page=${page + 1}">${t('console.incidents.older')}</a>`
      : '';
  return html`<nav class="pager" aria-label="${t('console.incidents.pagerLabel')}">!${newer} <span>${t('console.incidents.page', { page, pages })}</span> !${older}</nav>`;
}
