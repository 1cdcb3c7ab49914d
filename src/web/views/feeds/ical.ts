/**
 * @module iCalendar (RFC 5545) of maintenance windows, for subscribing in a calendar. Times are
 * UTC (`…Z`), so no VTIMEZONE is needed and DST cannot shift a window; lines end in CRLF and are
 * folded at 75 octets without splitting a UTF-8 character; text values are escaped.
 */
import type { MaintenanceView } from '#src/services/views.ts';

/** `20261121T010000Z`: the UTC DATE-TIME form. */
export function icalUtc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline; controls dropped. */
export function escapeText(text: string): string {
  return text
    .toWellFormed()
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .split('')
    .filter(allowedInText)
    .join('');
}

/** TEXT allows tab but no other control character (the newlines are escaped by then). */
function allowedInText(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code === 9 || (code >= 0x20 && code !== 0x7f);
}

const encoder = new TextEncoder();

/**
 * Folds one content line (RFC 5545 3.1): at most 75 octets per physical line, continuation lines
 * start with a space (which counts). Splits only between code points, never inside one.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export interface CalendarEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description: string;
  url: string;
  cancelled: boolean;
  /** Revision counter: clients replace an event only by a higher SEQUENCE. */
  sequence: number;
  created: string;
  lastModified: string;
}

export interface CalendarMeta {
  name: string;
  description: string;
  /** `DE` | `EN`: language of the texts, the last part of PRODID. */
  language: string;
}

function eventLines(e: CalendarEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    // No METHOD: DTSTAMP is then the last revision (RFC 5545 3.8.7.2), which keeps the bytes
    // (and the ETag) the same until something really changes.
    `DTSTAMP:${icalUtc(e.lastModified)}`,
    `DTSTART:${icalUtc(e.start)}`,
    `DTEND:${icalUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
    `URL:${e.url}`,
    `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SEQUENCE:${e.sequence}`,
    `CREATED:${icalUtc(e.created)}`,
    `LAST-MODIFIED:${icalUtc(e.lastModified)}`,
    // Maintenance must not mark the subscriber as busy.
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

export function renderCalendar(meta: CalendarMeta, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//dialtone//Maintenance//${meta.language}`,
    'CALSCALE:GREGORIAN',
    `NAME:${escapeText(meta.name)}`,
    `X-WR-CALNAME:${escapeText(meta.name)}`,
    `X-WR-CALDESC:${escapeText(meta.description)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The event for one window; the texts in `o` are already in the reader's language. */
export function maintenanceEvent(
  m: MaintenanceView,
  o: { host: string; url: string; title: string; text: string; affected: string; cancelledLabel: string },
): CalendarEvent {
  const cancelled = m.status === 'cancelled';
  return {
    uid: `${m.id}@${o.host}`,
    start: m.scheduledStart,
    end: m.scheduledEnd,
    summary: cancelled ? `${o.cancelledLabel}: ${o.title}` : o.title,
    description: [o.text, o.affected, o.url].filter((p) => p !== '').join('\n\n'),
    url: o.url,
    cancelled,
    sequence: Math.max(0, m.version - 1),
    created: m.createdAt,
    lastModified: m.updatedAt,
  };
}
