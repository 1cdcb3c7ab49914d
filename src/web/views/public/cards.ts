/**
 * @module Incident and maintenance summaries as the status page and the history list show them:
 * title linking to the full page, status, times, affected components, latest public message.
 */
import { html } from 'ghtml';
import type { IncidentView, MaintenanceView } from '#src/services/views.ts';
import { formatDuration, pick } from '../format.ts';
import {
  dateTime,
  impactBadge,
  incidentStatusBadge,
  maintenanceStatusBadge,
  messageBody,
  type Reader,
  restorationLine,
  timeWindow,
} from './parts.ts';

function affected(r: Reader, names: ReadonlyMap<string, string>, ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const list = ids.map((id) => names.get(id) ?? id).join(', ');
  return html`<p class="aff">${r.t('public.affected', { list })}</p>`;
}

/** An open incident on the status page, with its latest public update. */
export function activeIncidentCard(
  r: Reader,
  i: IncidentView,
  names: ReadonlyMap<string, string>,
  progress?: { restored: number; total: number; percent: number },
): string {
  const latest = i.updates[0];
  const update = latest
    ? html`<p class="meta">${r.t('public.latestUpdate')} !${dateTime(r, latest.createdAt)}</p>!${messageBody(r, latest.body)}`
    : '';
  return html`<article class="card"><h3><a href="/incidents/${encodeURIComponent(i.id)}">${pick(i.title, r.locale)}</a></h3><p class="meta">!${incidentStatusBadge(r, i.status)} !${impactBadge(r, i.impact)} ${r.t('public.since')} !${dateTime(r, i.createdAt)}</p>!${affected(
    r,
    names,
    i.components.map((c) => c.componentId),
  )}!${restorationLine(r, progress)}!${update}</article>`;
}

/** A running or upcoming maintenance window on the status page. */
export function maintenanceCard(r: Reader, m: MaintenanceView, names: ReadonlyMap<string, string>): string {
  const latest = m.updates[0];
  return html`<article class="card"><h3><a href="/maintenance/${encodeURIComponent(m.id)}">${pick(m.title, r.locale)}</a></h3><p class="meta">!${maintenanceStatusBadge(r, m.status)} !${timeWindow(r, m.scheduledStart, m.scheduledEnd)}</p>!${affected(r, names, m.componentIds)}!${latest ? messageBody(r, latest.body) : ''}</article>`;
}

/** One line of the incident history: title, status, impact, when and how long. */
export function incidentHistoryItem(r: Reader, i: IncidentView, now: Date): string {
  const end = i.resolvedAt ? new Date(i.resolvedAt).getTime() : now.getTime();
  const duration = formatDuration(end - new Date(i.createdAt).getTime());
  const when = i.resolvedAt
    ? html`!${timeWindow(r, i.createdAt, i.resolvedAt)} (${r.t('public.duration', { duration })})`
    : html`${r.t('public.since')} !${dateTime(r, i.createdAt)} (${r.t('public.ongoingFor', { duration })})`;
  return html`<li><a href="/incidents/${encodeURIComponent(i.id)}">${pick(i.title, r.locale)}</a><p class="meta">!${incidentStatusBadge(r, i.status)} !${impactBadge(r, i.impact)} !${when}</p></li>`;
}

/** One line of a maintenance list: title, status, window. */
export function maintenanceListItem(r: Reader, m: MaintenanceView): string {
  return html`<li><a href="/maintenance/${encodeURIComponent(m.id)}">${pick(m.title, r.locale)}</a><p class="meta">!${maintenanceStatusBadge(r, m.status)} !${timeWindow(r, m.scheduledStart, m.scheduledEnd)}</p></li>`;
}
