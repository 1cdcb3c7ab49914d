/**
 * @module One neutral entry per incident or maintenance window, in the reader's language, that the
 * Atom and RSS writers both render: title with kind and state, link to its public page, times,
 * and the latest public message as plain text.
 */
import type { IncidentView, MaintenanceView } from '#src/services/views.ts';
import { type Locale, translateLoose, translator } from '#src/web/i18n/index.ts';
import { formatDateTime, pick } from '../format.ts';
import { feedStrings } from './strings.ts';
import { messageText } from './xml.ts';

export interface FeedEntry {
  kind: 'incident' | 'maintenance';
  /** Public page of the entry; also its permanent id. */
  link: string;
  /** Plain text, unescaped. */
  title: string;
  summary: string;
  /** ISO 8601 UTC. */
  published: string;
  updated: string;
}

export interface FeedSetup {
  locale: Locale;
  /** Zone for times written into summaries. */
  timeZone: string;
  publicUrl: string;
}

const newest = (list: readonly (string | null | undefined)[]): string =>
  list
    .filter((v): v is string => !!v)
    .sort()
    .at(-1)!;

export function incidentEntry(view: IncidentView, s: FeedSetup): FeedEntry {
  const t = translator(s.locale);
  const strings = feedStrings[s.locale];
  const updates = view.updates.filter((u) => u.visibility === 'public');
  const state = translateLoose(t, `incidentStatus.${view.status}`);
  return {
    kind: 'incident',
    link: `${s.publicUrl}/incidents/${encodeURIComponent(view.id)}`,
    title: `${strings.incident}: ${pick(view.title, s.locale)} – ${state}`,
    summary: updates[0] ? messageText(pick(updates[0].body, s.locale)) : strings.noPublicUpdate,
    published: view.createdAt,
    // From public facts only: the row's updated_at also moves on internal notes.
    updated: newest([view.createdAt, updates[0]?.createdAt, view.resolvedAt]),
  };
}

export function maintenanceEntry(view: MaintenanceView, s: FeedSetup): FeedEntry {
  const t = translator(s.locale);
  const strings = feedStrings[s.locale];
  const state = translateLoose(t, `maintenanceStatus.${view.status}`);
  const window = `${formatDateTime(view.scheduledStart, s.locale, s.timeZone)} – ${formatDateTime(view.scheduledEnd, s.locale, s.timeZone)}`;
  const latest = view.updates.find((u) => pick(u.body, s.locale).trim() !== '');
  return {
    kind: 'maintenance',
    link: `${s.publicUrl}/maintenance/${encodeURIComponent(view.id)}`,
    title: `${strings.maintenance}: ${pick(view.title, s.locale)} – ${state}`,
    summary: `${strings.window}: ${window}.${latest ? ` ${messageText(pick(latest.body, s.locale))}` : ''}`,
    published: view.createdAt,
    updated: view.updatedAt,
  };
}

/** Incidents and maintenance merged, most recently changed first, at most `limit`. */
export function newestEntries(
  incidents: readonly IncidentView[],
  maintenances: readonly MaintenanceView[],
  s: FeedSetup,
  limit = 50,
): FeedEntry[] {
  return [...incidents.map((i) => incidentEntry(i, s)), ...maintenances.map((m) => maintenanceEntry(m, s))]
    .sort((a, b) => (a.updated === b.updated ? a.link.localeCompare(b.link) : a.updated < b.updated ? 1 : -1))
    .slice(0, limit);
}
