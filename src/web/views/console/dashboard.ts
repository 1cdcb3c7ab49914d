/**
 * @module The console dashboard: what is open (incidents, maintenance) with links, and every
 * component with its derived status, grouped like the status page. Where a status is inherited
 * from a dependency the cause is named; where it comes from an incident or a window, that is
 * linked.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import type { DerivedStatus } from '#src/domain/status.ts';
import type { StatusSnapshot } from '#src/services/get-status-snapshot.ts';
import type { CatalogComponent } from '#src/services/load-catalog.ts';
import { translateLoose } from '../../i18n/index.ts';
import { formatDateTime, pick } from '../format.ts';
import { statusBadge } from './kit.ts';
import { renderConsolePage } from './layout.ts';

type Reader = Pick<FastifyRequest, 't' | 'locale' | 'timeZone'>;

function counts(r: Reader, s: StatusSnapshot): string {
  const t = r.t;
  const card = (href: string, n: number, label: string) =>
    html`<li><a href="${href}"><strong>${n}</strong> <span>${label}</span></a></li>`;
  return html`<ul class="counts">!${card('/console/incidents', s.activeIncidents.length, t('console.dashboard.openIncidents'))}!${card('/console/maintenance', s.activeMaintenances.length, t('console.dashboard.activeMaintenance'))}!${card('/console/maintenance', s.upcomingMaintenances.length, t('console.dashboard.upcomingMaintenance'))}</ul>`;
}

function openIncidents(r: Reader, s: StatusSnapshot): string {
  const t = r.t;
  if (s.activeIncidents.length === 0) return html`<p>${t('console.dashboard.noOpenIncidents')}</p>`;
  const rows = s.activeIncidents.map(
    (i) =>
      html`<tr><td><a href="/console/incidents/${i.id}">${pick(i.title, r.locale)}</a></td><td>${translateLoose(t, `incidentStatus.${i.status}`)}</td><td>${translateLoose(t, `impact.${i.impact}`)}</td><td>${formatDateTime(i.createdAt, r.locale, r.timeZone)}</td></tr>`,
  );
  return html`<table><thead><tr><th scope="col">${t('console.dashboard.incident')}</th><th scope="col">${t('console.dashboard.status')}</th><th scope="col">${t('console.dashboard.impact')}</th><th scope="col">${t('console.dashboard.since')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table>`;
}

/** Why a component has its status: a dependency, or the incidents and windows that set it. */
function cause(r: Reader, s: StatusSnapshot, d: DerivedStatus, nameOf: (id: string) => string): string {
  if (d.status === 'operational') return '';
  if (d.causeComponentId)
    return html`${r.t('console.dashboard.inherited', { name: nameOf(d.causeComponentId) })}`;
  const incidents = s.activeIncidents
    .filter((i) => d.incidentIds.includes(i.id))
    .map((i) => html`<a href="/console/incidents/${i.id}">${pick(i.title, r.locale)}</a>`);
  const windows = s.activeMaintenances
    .filter((m) => d.maintenanceIds.includes(m.id))
    .map(
      (m) =>
        html`<a href="/console/maintenance/${m.id}">${r.t('console.dashboard.maintenanceWindow', { title: pick(m.title, r.locale) })}</a>`,
    );
  return [...incidents, ...windows].join(', ');
}

function componentTable(r: Reader, s: StatusSnapshot, list: CatalogComponent[], caption: string): string {
  const t = r.t;
  const sites = new Map(s.catalog.sites.map((x) => [x.id, pick(x.name, r.locale)]));
  const names = new Map(s.catalog.components.map((c) => [c.id, pick(c.name, r.locale)]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const rows = list.map((c) => {
    const d: DerivedStatus = s.statuses.get(c.id) ?? {
      status: 'operational',
      ownStatus: 'operational',
      causeComponentId: null,
      incidentIds: [],
      maintenanceIds: [],
    };
    return html`<tr><th scope="row">${nameOf(c.id)}</th><td>${c.siteId ? (sites.get(c.siteId) ?? c.siteId) : ''}</td><td>!${statusBadge(t, d.status)}</td><td>!${cause(r, s, d, nameOf)}</td></tr>`;
  });
  return html`<table class="components" tabindex="0"><caption>${caption}</caption><thead><tr><th scope="col">${t('console.dashboard.component')}</th><th scope="col">${t('console.dashboard.site')}</th><th scope="col">${t('console.dashboard.status')}</th><th scope="col">${t('console.dashboard.cause')}</th></tr></thead><tbody>!${rows.join('')}</tbody></table>`;
}

function components(r: Reader, s: StatusSnapshot): string {
  const { groups, components: all } = s.catalog;
  if (all.length === 0) return html`<p>${r.t('console.dashboard.noComponents')}</p>`;
  const known = new Set(groups.map((g) => g.id));
  const tables = groups
    .map((g) => ({ g, items: all.filter((c) => c.groupId === g.id) }))
    .filter((x) => x.items.length > 0)
    .map((x) => componentTable(r, s, x.items, pick(x.g.name, r.locale)));
  const loose = all.filter((c) => c.groupId === null || !known.has(c.groupId));
  if (loose.length > 0) tables.push(componentTable(r, s, loose, r.t('console.dashboard.otherComponents')));
  return tables.join('');
}

export function renderDashboard(
  request: FastifyRequest,
  reply: FastifyReply,
  snapshot: StatusSnapshot,
  notice: string | undefined,
  /** "Possible outage" banners from report clusters (already rendered), or ''. */
  reportAlerts = '',
): string {
  const t = request.t;
  const body = html`!${reportAlerts}<p class="actions"><a class="button primary" href="/console/incidents/new">${t('console.dashboard.declare')}</a></p>!${counts(request, snapshot)}<section aria-labelledby="h-open"><h2 id="h-open">${t('console.dashboard.openIncidents')}</h2>!${openIncidents(request, snapshot)}</section><section aria-labelledby="h-components"><h2 id="h-components">${t('console.dashboard.components')}</h2>!${components(request, snapshot)}</section>`;
  return renderConsolePage(request, reply, {
    title: t('console.dashboard.title'),
    section: 'dashboard',
    body,
    notice,
  });
}
