/**
 * @module The status page: banner, open incidents, running maintenance, hotlines, components by
 * group with status and 90-day uptime, upcoming maintenance. Rendered from a snapshot without
 * looking at the request, so one rendering serves every reader with the same language and zone.
 */
import { html } from 'ghtml';
import type { BannerKind } from '#src/domain/status.ts';
import type { UptimeSummary } from '#src/domain/uptime.ts';
import type { StatusSnapshot } from '#src/services/get-status-snapshot.ts';
import type { CatalogComponent } from '#src/services/load-catalog.ts';
import { pick } from '../format.ts';
import { activeIncidentCard, maintenanceCard } from './cards.ts';
import { renderPublicPage } from './layout.ts';
import { componentNames, componentStatusBadge, type Reader, statusClass, telHref } from './parts.ts';
import { renderUptimeBars } from './uptime-bars.ts';

const bannerClass: Record<BannerKind, string> = {
  all_operational: 'ok',
  degraded: 'dg',
  partial_outage: 'po',
  major_outage: 'mo',
  under_maintenance: 'um',
};

export interface StatusPageData {
  snapshot: StatusSnapshot;
  uptime: ReadonlyMap<string, UptimeSummary>;
  /** Restoration progress of the open incidents, by incident id. */
  restoration?: ReadonlyMap<string, { restored: number; total: number; percent: number }>;
}

function componentItem(
  r: Reader,
  c: CatalogComponent,
  data: StatusPageData,
  names: ReadonlyMap<string, string>,
): string {
  const d = data.snapshot.statuses.get(c.id);
  const status = d?.status ?? 'operational';
  const cause = d?.causeComponentId
    ? html`<p class="why">${r.t('public.causedBy', { name: names.get(d.causeComponentId) ?? d.causeComponentId })}</p>`
    : '';
  return html`<li><div class="cr"><span class="cn">${pick(c.name, r.locale)}</span> !${componentStatusBadge(r, status)}</div>!${cause}!${renderUptimeBars(r, data.uptime.get(c.id))}</li>`;
}

function componentsSection(r: Reader, data: StatusPageData, names: ReadonlyMap<string, string>): string {
  const { groups, components } = data.snapshot.catalog;
  if (components.length === 0) {
    return html`<section aria-labelledby="h-c"><h2 id="h-c">${r.t('public.components')}</h2><p>${r.t('public.noComponents')}</p></section>`;
  }
  const list = (items: CatalogComponent[]) =>
    html`<ul class="comps">!${items.map((c) => componentItem(r, c, data, names)).join('')}</ul>`;
  const grouped = groups
    .map((g) => ({ g, items: components.filter((c) => c.groupId === g.id) }))
    .filter((x) => x.items.length > 0)
    .map(({ g, items }) => html`<h3>${pick(g.name, r.locale)}</h3>!${list(items)}`);
  const known = new Set(groups.map((g) => g.id));
  const loose = components.filter((c) => c.groupId === null || !known.has(c.groupId));
  // Without any group a heading "other components" would be odd: list them directly.
  const rest =
    loose.length === 0
      ? ''
      : grouped.length === 0
        ? list(loose)
        : html`<h3>${r.t('public.otherComponents')}</h3>!${list(loose)}`;
  const legend = (
    ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const
  )
    .map((s) => html`<li class="${statusClass[s]}">${r.t(`status.${s}`)}</li>`)
    .join('');
  return html`<section aria-labelledby="h-c"><h2 id="h-c">${r.t('public.components')}</h2><p class="hint">${r.t('public.uptime.explain', { days: 90 })}</p><ul class="legend" aria-label="${r.t('public.legend')}">!${legend}<li class="nd">${r.t('public.uptime.noDataShort')}</li></ul>!${grouped.join('')}!${rest}</section>`;
}

function hotlinesSection(r: Reader, data: StatusPageData): string {
  const hotlines = data.snapshot.catalog.hotlines;
  if (hotlines.length === 0) return '';
  const items = hotlines.map(
    (h) => html`<li>${pick(h.label, r.locale)}: <a href="${telHref(h.phone)}">${h.phone}</a></li>`,
  );
  return html`<section aria-labelledby="h-h"><h2 id="h-h">${r.t('public.hotlines')}</h2><ul class="hot">!${items.join('')}</ul></section>`;
}

function cardsSection(id: string, heading: string, cards: string[]): string {
  if (cards.length === 0) return '';
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>!${cards.join('')}</section>`;
}

export function renderStatusPage(r: Reader, data: StatusPageData): string {
  const s = data.snapshot;
  const names = componentNames(r, s.catalog.components);
  const body = [
    html`<h1>${r.t('public.status.heading')}</h1><p class="banner ${bannerClass[s.banner.kind]}">${r.t(`banner.${s.banner.kind}`)}</p>`,
    cardsSection(
      'h-i',
      r.t('public.activeIncidents'),
      s.activeIncidents.map((i) => activeIncidentCard(r, i, names, data.restoration?.get(i.id))),
    ),
    cardsSection(
      'h-m',
      r.t('public.activeMaintenance'),
      s.activeMaintenances.map((m) => maintenanceCard(r, m, names)),
    ),
    hotlinesSection(r, data),
    componentsSection(r, data, names),
    cardsSection(
      'h-u',
      r.t('public.upcomingMaintenance'),
      s.upcomingMaintenances.map((m) => maintenanceCard(r, m, names)),
    ),
    html`<p class="more"><a href="/history">${r.t('public.pastIncidentsLink')}</a></p>`,
  ].join('');
  // The language switch points at `/`: the cached page must not depend on the request's URL.
  return renderPublicPage(r, { title: r.t('public.status.title'), section: 'status', body, url: '/' });
}
