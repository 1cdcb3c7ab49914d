/**
 * @module Typed message catalogs (German and English). Each area of the product keeps its strings
 * in `messages/<area>.ts` as `de` (the reference, `as const`) and `en` (same keys, checked by the
 * compiler); this module merges them. A missing English string does not compile.
 *
 * @example
 * const t = translator('en');
 * t('error.tooLong', { max: 200 }) // → 'At most 200 characters.'
 */

import * as alerts from './messages/alerts.ts';
import * as api from './messages/api.ts';
import * as catalog from './messages/catalog.ts';
import * as common from './messages/common.ts';
import * as consoleArea from './messages/console.ts';
import * as consoleIncidents from './messages/console-incidents.ts';
import * as consoleReports from './messages/console-reports.ts';
import * as errors from './messages/errors.ts';
import * as inventory from './messages/inventory.ts';
import * as monitors from './messages/monitors.ts';
import * as notifications from './messages/notifications.ts';
import * as partners from './messages/partners.ts';
import * as publicArea from './messages/public.ts';
import * as report from './messages/report.ts';
import * as reportData from './messages/report-data.ts';
import * as restoration from './messages/restoration.ts';
import * as subscribers from './messages/subscribers.ts';
import * as telemetry from './messages/telemetry.ts';
import * as triage from './messages/triage.ts';

const catalogs = {
  de: {
    ...common.de,
    ...errors.de,
    ...publicArea.de,
    ...consoleArea.de,
    ...consoleIncidents.de,
    ...consoleReports.de,
    ...api.de,
    ...catalog.de,
    ...inventory.de,
    ...report.de,
    ...triage.de,
    ...partners.de,
    ...reportData.de,
    ...monitors.de,
    ...telemetry.de,
    ...alerts.de,
    ...notifications.de,
    ...restoration.de,
    ...subscribers.de,
  },
  en: {
    ...common.en,
    ...errors.en,
    ...publicArea.en,
    ...consoleArea.en,
    ...consoleIncidents.en,
    ...consoleReports.en,
    ...api.en,
    ...catalog.en,
    ...inventory.en,
    ...report.en,
    ...triage.en,
    ...partners.en,
    ...reportData.en,
    ...monitors.en,
    ...telemetry.en,
    ...alerts.en,
    ...notifications.en,
    ...restoration.en,
    ...subscribers.en,
  },
};

export type Locale = 'de' | 'en';
export const locales: readonly Locale[] = ['de', 'en'];
export const isLocale = (v: unknown): v is Locale => v === 'de' || v === 'en';
export type MessageKey = keyof typeof catalogs.de;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isMessageKey(key: string): key is MessageKey {
  return key in catalogs.de;
}

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale] as Record<MessageKey, string>;
  return (key, params) => {
    const text = catalog[key] ?? key;
    return params
      ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
      : text;
  };
}

/** Translates a key that came from outside the type system (domain errors), falling back to the key. */
export function translateLoose(t: Translate, key: string, params?: Params): string {
  return isMessageKey(key) ? t(key, params) : key;
}

/** Picks the language from `Accept-Language` (q-values honoured); German when nothing fits. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return 'de';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const r of ranked) if (isLocale(r.lang)) return r.lang;
  return 'de';
}

/** Browsers send a handful of distinct Accept-Language values: parse each once. */
const negotiated = new Map<string, Locale>();
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'de';
  let locale = negotiated.get(header);
  if (!locale) {
    locale = negotiateLocale(header);
    if (negotiated.size > 1000) negotiated.clear();
    negotiated.set(header, locale);
  }
  return locale;
}
