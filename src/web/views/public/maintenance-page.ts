/**
 * @module Maintenance for the public: one window with its timeline, and the list of running,
 * upcoming and past windows (past ones paginated).
 */
import { html } from 'ghtml';
import type { MaintenanceView } from '#src/services/views.ts';
import { pick } from '../format.ts';
import { maintenanceListItem } from './cards.ts';
import { renderPublicPage } from './layout.ts';
import { renderPager } from './pager.ts';
import { dateTime, maintenanceStatusBadge, messageBody, type Reader, timeWindow } from './parts.ts';

function facts(r: Reader, m: MaintenanceView): string {
  const started = m.startedAt
    ? html`<dt>${r.t('public.maintenance.startedAt')}</dt><dd>!${dateTime(r, m.startedAt)}</dd>`
    : '';
  const ended = m.completedAt
    ? html`<dt>${r.t(m.status === 'cancelled' ? 'public.maintenance.cancelledAt' : 'public.maintenance.completedAt')}</dt><dd>!${dateTime(r, m.completedAt)}</dd>`
    : '';
  return html`<dl class="facts"><dt>${r.t('public.maintenance.window')}</dt><dd>!${timeWindow(r, m.scheduledStart, m.scheduledEnd)}</dd>!${started}!${ended}</dl>`;
}

export interface MaintenancePageData {
  maintenance: MaintenanceView;
  names: ReadonlyMap<string, string>;
  url: string;
}

export function renderMaintenancePage(r: Reader, d: MaintenancePageData): string {
  const m = d.maintenance;
  const title = pick(m.title, r.locale);
  const comps = m.componentIds.map((id) => html`<li>${d.names.get(id) ?? id}</li>`).join('');
  const updates = m.updates.map(
    (u) =>
      html`<li><p class="meta">!${maintenanceStatusBadge(r, u.status)} !${dateTime(r, u.createdAt)}</p>!${messageBody(r, u.body)}</li>`,
  );
  const timeline =
    updates.length === 0
      ? html`<p>${r.t('public.noUpdates')}</p>`
      : html`<ol class="tl">!${updates.join('')}</ol>`;
  const body = html`<p class="crumb"><a href="/maintenance">${r.t('public.backToMaintenance')}</a></p><h1>${title}</h1><p class="meta">!${maintenanceStatusBadge(r, m.status)}</p>!${facts(r, m)}<section aria-labelledby="h-a"><h2 id="h-a">${r.t('public.maintenance.components')}</h2><ul class="plain">!${comps}</ul></section><section aria-labelledby="h-t"><h2 id="h-t">${r.t('public.timeline')}</h2>!${timeline}</section>`;
  return renderPublicPage(r, { title, section: 'maintenance', body, url: d.url });
}

export interface MaintenanceListData {
  active: MaintenanceView[];
  upcoming: MaintenanceView[];
  past: { items: MaintenanceView[]; page: number; pages: number };
  url: string;
}

function listSection(r: Reader, id: string, heading: string, items: MaintenanceView[], empty: string) {
  const list =
    items.length === 0
      ? html`<p>${empty}</p>`
      : html`<ul class="hist">!${items.map((m) => maintenanceListItem(r, m)).join('')}</ul>`;
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>!${list}</section>`;
}

export function renderMaintenanceList(r: Reader, d: MaintenanceListData): string {
  const first = d.past.page === 1;
  const body = [
    html`<h1>${r.t('public.maintenance.title')}</h1>`,
    first && d.active.length > 0 ? listSection(r, 'h-r', r.t('public.activeMaintenance'), d.active, '') : '',
    first
      ? listSection(
          r,
          'h-u',
          r.t('public.upcomingMaintenance'),
          d.upcoming,
          r.t('public.maintenance.noneUpcoming'),
        )
      : '',
    listSection(r, 'h-p', r.t('public.pastMaintenance'), d.past.items, r.t('public.maintenance.nonePast')),
    renderPager(r, '/maintenance', d.past.page, d.past.pages),
  ].join('');
  return renderPublicPage(r, {
    title: r.t('public.maintenance.title'),
    section: 'maintenance',
    body,
    url: d.url,
  });
}
