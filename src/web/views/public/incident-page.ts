/**
 * @module One incident for the public: title, status, impact, when it began and ended and how
 * long it lasted, affected components with their status, and the public timeline (newest first).
 * The caller passes an incident loaded without internal updates.
 */
import { html } from 'ghtml';
import type { IncidentView } from '#src/services/views.ts';
import { formatDuration, pick } from '../format.ts';
import { renderPublicPage } from './layout.ts';
import {
  componentStatusBadge,
  dateTime,
  impactBadge,
  incidentStatusBadge,
  messageBody,
  type Reader,
  restorationLine,
} from './parts.ts';

export interface IncidentPageData {
  incident: IncidentView;
  /** Component names by id in the reader's language. */
  names: ReadonlyMap<string, string>;
  now: Date;
  url: string;
  /** Restoration progress, shown once anything is marked restored. */
  progress?: { restored: number; total: number; percent: number } | undefined;
}

function facts(r: Reader, i: IncidentView, now: Date): string {
  const end = i.resolvedAt ? new Date(i.resolvedAt).getTime() : now.getTime();
  const duration = formatDuration(end - new Date(i.createdAt).getTime());
  const resolved = i.resolvedAt
    ? html`<dt>${r.t('public.incident.resolvedAt')}</dt><dd>!${dateTime(r, i.resolvedAt)}</dd>`
    : '';
  return html`<dl class="facts"><dt>${r.t('public.incident.startedAt')}</dt><dd>!${dateTime(r, i.createdAt)}</dd>!${resolved}<dt>${r.t(i.resolvedAt ? 'public.incident.duration' : 'public.incident.ongoingFor')}</dt><dd>${duration}</dd></dl>`;
}

function components(r: Reader, d: IncidentPageData): string {
  const list = d.incident.components;
  if (list.length === 0) return '';
  const items = list.map(
    (c) =>
      html`<li><span class="cn">${d.names.get(c.componentId) ?? c.componentId}</span> !${componentStatusBadge(r, c.status)}</li>`,
  );
  return html`<section aria-labelledby="h-a"><h2 id="h-a">${r.t('public.incident.components')}</h2><ul class="plain">!${items.join('')}</ul></section>`;
}

function timeline(r: Reader, i: IncidentView): string {
  const items = i.updates.map(
    (u) =>
      html`<li><p class="meta">!${incidentStatusBadge(r, u.status)} !${dateTime(r, u.createdAt)}</p>!${messageBody(r, u.body)}</li>`,
  );
  const list =
    items.length === 0
      ? html`<p>${r.t('public.noUpdates')}</p>`
      : html`<ol class="tl">!${items.join('')}</ol>`;
  return html`<section aria-labelledby="h-t"><h2 id="h-t">${r.t('public.timeline')}</h2>!${list}</section>`;
}

export function renderIncidentPage(r: Reader, d: IncidentPageData): string {
  const i = d.incident;
  const title = pick(i.title, r.locale);
  const body = html`<p class="crumb"><a href="/history">${r.t('public.backToHistory')}</a></p><h1>${title}</h1><p class="meta">!${incidentStatusBadge(r, i.status)} !${impactBadge(r, i.impact)}</p>!${facts(r, i, d.now)}!${restorationLine(r, d.progress)}!${components(r, d)}!${timeline(r, i)}`;
  return renderPublicPage(r, { title, section: 'history', body, url: d.url });
}
