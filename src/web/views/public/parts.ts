/**
 * @module Small building blocks of the public pages: the reader's view context, status labels
 * (always text plus a colour class, never colour alone), times in the reader's zone, message
 * bodies (sanitized markdown) and phone links.
 */
import { html } from 'ghtml';
import type { ComponentStatus } from '#src/domain/status.ts';
import { localDate } from '#src/domain/zoned-time.ts';
import type { Bilingual } from '#src/services/views.ts';
import type { Locale, MessageKey, Translate } from '../../i18n/index.ts';
import { formatDateTime, formatTime, pick } from '../format.ts';
import { renderMarkdown } from '../markdown.ts';

/** What every public view needs to know about its reader. */
export interface Reader {
  t: Translate;
  locale: Locale;
  timeZone: string;
  /** The provider's page name (`DIALTONE_PAGE_NAME`). */
  pageName: string;
}

/** Short CSS classes per status: they appear thousands of times on the status page. */
export const statusClass: Record<ComponentStatus, string> = {
  operational: 'ok',
  degraded_performance: 'dg',
  partial_outage: 'po',
  major_outage: 'mo',
  under_maintenance: 'um',
};

const impactClass: Record<string, string> = { none: 'nn', minor: 'dg', major: 'po', critical: 'mo' };

/** A translation key built from a stored value; unknown values show as they are. */
function label(r: Reader, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  const text = r.t(key as MessageKey);
  return text === key ? value : text;
}

export const componentStatusBadge = (r: Reader, status: ComponentStatus) =>
  html`<span class="st ${statusClass[status]}">${r.t(`status.${status}`)}</span>`;

export const incidentStatusBadge = (r: Reader, status: string) =>
  html`<span class="st ${status === 'resolved' ? 'ok' : 'ip'}">${label(r, 'incidentStatus', status)}</span>`;

export const impactBadge = (r: Reader, impact: string) =>
  html`<span class="st ${impactClass[impact] ?? 'nn'}">${r.t('public.impact', { impact: label(r, 'impact', impact) })}</span>`;

export const maintenanceStatusBadge = (r: Reader, status: string) =>
  html`<span class="st ${status === 'completed' ? 'ok' : status === 'cancelled' ? 'nn' : 'um'}">${label(r, 'maintenanceStatus', status)}</span>`;

export const dateTime = (r: Reader, iso: string) =>
  html`<time datetime="${iso}">${formatDateTime(iso, r.locale, r.timeZone)}</time>`;

/** `20 Nov 2026, 22:00 CET – 23:30` on one day, both dates otherwise. */
export function timeWindow(r: Reader, startIso: string, endIso: string): string {
  const sameDay = localDate(new Date(startIso), r.timeZone) === localDate(new Date(endIso), r.timeZone);
  const end = sameDay
    ? html`<time datetime="${endIso}">${formatTime(endIso, r.locale, r.timeZone)}</time>`
    : dateTime(r, endIso);
  return html`!${dateTime(r, startIso)} – !${end}`;
}

/** A message in the reader's language (falling back to the other), as sanitized HTML. */
export const messageBody = (r: Reader, body: Bilingual) =>
  html`<div class="md">!${renderMarkdown(pick(body, r.locale))}</div>`;

/** `tel:` URI from a printed number: `+49 355 1234-0` → `tel:+4935512340`. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** Component names by id in the reader's language, for lists of affected components. */
export function componentNames(
  r: Reader,
  components: readonly { id: string; name: Bilingual }[],
): Map<string, string> {
  return new Map(components.map((c) => [c.id, pick(c.name, r.locale)]));
}

/**
 * "120 of 480 affected numbers and lines restored (25 %)" under an incident, once an operator has
 * marked anything restored (before that the line would only announce the size of the outage).
 */
export function restorationLine(
  r: Reader,
  p: { restored: number; total: number; percent: number } | undefined,
) {
  if (!p || p.total === 0 || p.restored === 0) return '';
  const text = r.t('restoration.public.progress', { ...p });
  return html`<p class="restoration"><progress max="${p.total}" value="${p.restored}" aria-label="${text}"></progress> ${text}</p>`;
}
