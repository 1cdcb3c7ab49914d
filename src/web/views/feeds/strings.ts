/**
 * @module Texts of the feeds (Atom, RSS, iCalendar) in both languages. Kept beside the feeds
 * rather than in the shared i18n catalogs: feed readers see nothing else of the product's text.
 */
import type { Locale } from '#src/web/i18n/index.ts';

export interface FeedStrings {
  /** Feed title after the page name: "dialtone – Störungen und Wartungen". */
  feedTitle: string;
  feedDescription: string;
  calendarName: string;
  calendarDescription: string;
  incident: string;
  maintenance: string;
  /** Shown when an incident has no public message yet (its first one was internal). */
  noPublicUpdate: string;
  /** Before the planned window in a maintenance summary. */
  window: string;
  /** Before the list of affected components in a calendar event. */
  affected: string;
  /** Before a cancelled window's title in the calendar. */
  cancelled: string;
}

export const feedStrings: Record<Locale, FeedStrings> = {
  de: {
    feedTitle: 'Störungen und Wartungen',
    feedDescription: 'Aktuelle Störungen und geplante Wartungsarbeiten mit der jeweils neuesten Meldung.',
    calendarName: 'Wartungen',
    calendarDescription: 'Geplante, laufende und kürzlich beendete Wartungsarbeiten.',
    incident: 'Störung',
    maintenance: 'Wartung',
    noPublicUpdate: 'Noch keine öffentliche Meldung.',
    window: 'Zeitraum',
    affected: 'Betroffen',
    cancelled: 'Abgesagt',
  },
  en: {
    feedTitle: 'Incidents and maintenance',
    feedDescription: 'Current incidents and planned maintenance with the latest message of each.',
    calendarName: 'Maintenance',
    calendarDescription: 'Planned, running and recently finished maintenance.',
    incident: 'Incident',
    maintenance: 'Maintenance',
    noPublicUpdate: 'No public message yet.',
    window: 'Window',
    affected: 'Affected',
    cancelled: 'Cancelled',
  },
};
