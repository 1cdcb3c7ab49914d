/**
 * @module Formatting for readers: dates and times in the viewer's zone and language, durations,
 * percentages. Formatters are cached per locale and zone (building one costs more than using it).
 */
import type { Locale } from '../i18n/index.ts';

const cache = new Map<string, Intl.DateTimeFormat>();

function dtf(locale: Locale, timeZone: string, kind: 'datetime' | 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    const tag = locale === 'de' ? 'de-DE' : 'en-GB';
    const opts: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { timeZone, day: 'numeric', month: 'short', year: 'numeric' }
        : kind === 'time'
          ? { timeZone, hour: '2-digit', minute: '2-digit' }
          : {
              timeZone,
              day: 'numeric',
              month: 'short',
              year: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
              timeZoneName: 'short',
            };
    f = new Intl.DateTimeFormat(tag, opts);
    cache.set(key, f);
  }
  return f;
}

export const formatDateTime = (iso: string, locale: Locale, timeZone: string) =>
  dtf(locale, timeZone, 'datetime').format(new Date(iso));
export const formatDate = (iso: string, locale: Locale, timeZone: string) =>
  dtf(locale, timeZone, 'date').format(new Date(iso));
export const formatTime = (iso: string, locale: Locale, timeZone: string) =>
  dtf(locale, timeZone, 'time').format(new Date(iso));

/** `2 h 5 min`, `45 min`, `< 1 min` — units are the same in German and English. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return '< 1 min';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** `99,95 %` in German, `99.95%` in English. */
export function formatPercent(fraction: number, locale: Locale, digits = 2): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fraction);
}

/** Picks the reader's language from a bilingual text, falling back to the other language. */
export const pick = (text: { de: string; en: string }, locale: Locale): string =>
  text[locale] || text.de || text.en;
