/**
 * @module The history: incidents newest first, 20 per page with newer/older links; on the first
 * page also the most recent past maintenance, with a link to all of it.
 */
import { html } from 'ghtml';
import type { IncidentPage } from '#src/services/list-incidents.ts';
import type { MaintenanceView } from '#src/services/views.ts';
import { incidentHistoryItem, maintenanceListItem } from './cards.ts';
import { renderPublicPage } from './layout.ts';
import { renderPager } from './pager.ts';
import type { Reader } from './parts.ts';

export interface HistoryPageData {
  incidents: IncidentPage;
  /** Shown on the first page only. */
  pastMaintenance: MaintenanceView[];
  now: Date;
  url: string;
}

export function renderHistoryPage(r: Reader, d: HistoryPageData): string {
  const { incidents, page, pages } = d.incidents;
  const list =
    incidents.length === 0
      ? html`<p>${r.t('public.history.none')}</p>`
      : html`<ul class="hist">!${incidents.map((i) => incidentHistoryItem(r, i, d.now)).join('')}</ul>`;
  const maintenance =
    page === 1
      ? html`<section aria-labelledby="h-p"><h2 id="h-p">${r.t('public.pastMaintenance')}</h2>!${
          d.pastMaintenance.length === 0
            ? html`<p>${r.t('public.maintenance.nonePast')}</p>`
            : html`<ul class="hist">!${d.pastMaintenance.map((m) => maintenanceListItem(r, m)).join('')}</ul>`
        }<p class="more"><a href="/maintenance">${r.t('public.allMaintenance')}</a></p></section>`
      : '';
  const heading = pages > 1 ? r.t('public.history.titlePage', { page, pages }) : r.t('public.history.title');
  const body = html`<h1>${heading}</h1><section aria-labelledby="h-i"><h2 id="h-i">${r.t('public.history.incidents')}</h2>!${list}!${renderPager(r, '/history', page, pages)}</section>!${maintenance}`;
  return renderPublicPage(r, { title: heading, section: 'history', body, url: d.url });
}
