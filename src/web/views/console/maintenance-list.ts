/**
 * @module The maintenance list: active windows first (they matter now), then upcoming (soonest
 * first), then past (newest first).
 */
import { html } from 'ghtml';
import type { Catalog } from '#src/services/load-catalog.ts';
import type { MaintenanceView } from '#src/services/views.ts';
import type { Locale, MessageKey, Translate } from '../../i18n/index.ts';
import { formatDateTime, pick } from '../format.ts';
import { componentNamer, maintenanceStatusBadge } from './incident-common.ts';

export interface MaintenanceListOptions {
  t: Translate;
  locale: Locale;
  timeZone: string;
  catalog: Pick<Catalog, 'components'>;
  active: readonly MaintenanceView[];
  upcoming: readonly MaintenanceView[];
  past: readonly MaintenanceView[];
}

/** "12 Mar 2026, 22:00 CET – 13 Mar 2026, 02:00 CET" in the viewer's zone and language. */
export function formatWindow(m: MaintenanceView, locale: Locale, timeZone: string): string {
  return `${formatDateTime(m.scheduledStart, locale, timeZone)} – ${formatDateTime(m.scheduledEnd, locale, timeZone)}`;
}

export function renderMaintenanceList(o: MaintenanceListOptions): string {
  const { t } = o;
  const section = (id: string, heading: MessageKey, none: MessageKey, list: readonly MaintenanceView[]) =>
    html`<section aria-labelledby="${id}"><h2 id="${id}">${t(heading)}</h2>!${list.length > 0 ? table(o, list) : html`<p>${t(none)}</p>`}</section>`;
  return html`<p><a class="button primary" href="/console/maintenance/new">${t('console.maintenance.new')}</a></p>!${section('active-heading', 'console.maintenance.active', 'console.maintenance.noneActive', o.active)}!${section('upcoming-heading', 'console.maintenance.upcoming', 'console.maintenance.noneUpcoming', o.upcoming)}!${section('past-heading', 'console.maintenance.past', 'console.maintenance.nonePast', o.past)}`;
}

function table(o: MaintenanceListOptions, list: readonly MaintenanceView[]): string {
  const { t, locale, timeZone } = o;
  const name = componentNamer(o.catalog.components, locale);
  const rows = list
    .map(
      (m) =>
        html`<tr><td><a href="/console/maintenance/${m.id}">${pick(m.title, locale)}</a></td><td>!${maintenanceStatusBadge(t, m.status)}</td><td>${formatWindow(m, locale, timeZone)}</td><td>${m.componentIds.map(name).join(', ')}</td></tr>`,
    )
    .join('');
  return html`<table><thead><tr><th scope="col">${t('console.maintenance.col.title')}</th><th scope="col">${t('console.maintenance.col.status')}</th><th scope="col">${t('console.maintenance.col.window')}</th><th scope="col">${t('console.maintenance.field.componentIds')}</th></tr></thead><tbody>!${rows}</tbody></table>`;
}
