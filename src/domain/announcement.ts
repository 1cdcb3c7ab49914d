/**
 * @module The hotline announcement: the short text a provider's phone menu plays before a caller
 * reaches a person, so that callers hear at once that an outage is known and need not report it
 * (in the seed texts, customers heard nothing on their main number). Pure: the caller passes the
 * open incidents and running maintenance that concern the caller's number or the chosen service.
 *
 * Written to be spoken: no links, no markdown, times as a speaker says them ("seit 14:05 Uhr",
 * "since 2:05 pm"), one sentence per fact. An operator's own text for an incident replaces the
 * generated sentences of that incident. Nothing to say → empty text.
 *
 * @example
 * announcementText({ locale: 'de', timeZone: 'Europe/Berlin', now, incidents: [i], maintenances: [] })
 * // → 'Guten Tag. Wir haben eine Störung: Telefonie Cottbus gestört. Seit 14:05 Uhr. Wir suchen die
 * //    Ursache. Sie müssen diese Störung nicht melden. …'
 */

export type AnnouncementLocale = 'de' | 'en';

export interface AnnouncementIncident {
  id: string;
  title: { de: string; en: string };
  /** investigating | identified | monitoring */
  status: string;
  startedAt: string;
  /** The operator's own text; replaces the generated sentences when set for the language. */
  override: { de: string; en: string } | null;
}

export interface AnnouncementMaintenance {
  id: string;
  title: { de: string; en: string };
  scheduledEnd: string;
}

export interface AnnouncementInput {
  locale: AnnouncementLocale;
  timeZone: string;
  now: Date;
  incidents: readonly AnnouncementIncident[];
  maintenances: readonly AnnouncementMaintenance[];
}

export interface Announcement {
  /** Empty when there is nothing to say: the phone menu then plays nothing. */
  text: string;
  incidentIds: string[];
  maintenanceIds: string[];
}

const phrases = {
  de: {
    greeting: 'Guten Tag.',
    incident: (title: string) => `Wir haben derzeit eine Störung: ${title}.`,
    since: (time: string) => `Sie besteht seit ${time}.`,
    investigating: 'Wir suchen mit Hochdruck nach der Ursache.',
    identified: 'Die Ursache ist gefunden, wir arbeiten an der Behebung.',
    monitoring: 'Die Störung ist behoben, wir beobachten die Lage noch.',
    noNeedToReport: 'Sie müssen uns diese Störung nicht melden.',
    maintenance: (title: string, until: string) =>
      `Wegen Wartungsarbeiten – ${title} – kann es bis voraussichtlich ${until} zu Einschränkungen kommen.`,
    closing: 'Aktuelle Informationen finden Sie auf unserer Statusseite. Vielen Dank für Ihre Geduld.',
  },
  en: {
    greeting: 'Hello.',
    incident: (title: string) => `We currently have an outage: ${title}.`,
    since: (time: string) => `It began at ${time}.`,
    investigating: 'We are working hard to find the cause.',
    identified: 'We have found the cause and are fixing it.',
    monitoring: 'The fault has been fixed and we are watching closely.',
    noNeedToReport: 'There is no need to report this outage to us.',
    maintenance: (title: string, until: string) =>
      `Because of maintenance – ${title} – service may be limited until about ${until}.`,
    closing: 'You will find the latest news on our status page. Thank you for your patience.',
  },
} as const;

export function announcementText(input: AnnouncementInput): Announcement {
  const p = phrases[input.locale];
  const sentences: string[] = [];
  const incidents = [...input.incidents].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  for (const incident of incidents) {
    const own = spoken(incident.override?.[input.locale] ?? '');
    if (own) {
      sentences.push(`${own}.`);
      continue;
    }
    sentences.push(p.incident(spoken(incident.title[input.locale])));
    sentences.push(p.since(spokenTime(incident.startedAt, input)));
    const progress = p[incident.status as 'investigating' | 'identified' | 'monitoring'];
    if (typeof progress === 'string') sentences.push(progress);
  }
  if (incidents.length > 0) sentences.push(p.noNeedToReport);
  for (const m of input.maintenances) {
    sentences.push(p.maintenance(spoken(m.title[input.locale]), spokenTime(m.scheduledEnd, input)));
  }
  if (sentences.length === 0) return { text: '', incidentIds: [], maintenanceIds: [] };
  return {
    text: [p.greeting, ...sentences, p.closing].join(' '),
    incidentIds: incidents.map((i) => i.id),
    maintenanceIds: input.maintenances.map((m) => m.id),
  };
}

/**
 * A time as a speaker says it: "14:05 Uhr" / "2:05 pm" today, with the weekday and date when the
 * moment is on another day ("Montag, 23. November, 06:00 Uhr").
 */
export function spokenTime(iso: string, where: { locale: AnnouncementLocale; timeZone: string; now: Date }) {
  const at = new Date(iso);
  const tag = where.locale === 'de' ? 'de-DE' : 'en-GB';
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: where.timeZone });
  const time =
    where.locale === 'de'
      ? `${at.toLocaleTimeString(tag, { timeZone: where.timeZone, hour: '2-digit', minute: '2-digit' })} Uhr`
      : at
          .toLocaleTimeString('en-US', { timeZone: where.timeZone, hour: 'numeric', minute: '2-digit' })
          .toLowerCase();
  if (day(at) === day(where.now)) return time;
  const date = at.toLocaleDateString(tag, {
    timeZone: where.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  return where.locale === 'de' ? `${date}, ${time}` : `${date} at ${time}`;
}

/**
 * Text fit for speech: markdown marks, links and anything but letters, digits and plain
 * punctuation removed, whitespace folded, final punctuation dropped (the sentence adds its own).
 */
export function spoken(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_`#>|~]/g, '')
    .replace(/[^\p{L}\p{N}\s.,:;!?'’()\-–+/%&]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?:;,\s]+$/, '');
}
