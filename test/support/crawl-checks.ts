/**
 * @module What the crawler asks of every answer: no 5xx; an HTML page has a language, a title
 * and one h1; its readable text shows no programming leftovers (undefined, NaN, [object Object],
 * Invalid Date), no unreplaced `{placeholder}` and no raw message key. Keys are recognised
 * against the real catalogs in src/web/i18n/messages/, so host names and file names in the demo
 * data (which also have dots) are not mistaken for keys.
 */
import { readdirSync } from 'node:fs';
import type { CrawledPage } from './crawl.ts';
import { linksOf, pageFrame, readableText } from './crawl-html.ts';

export interface PageFinding {
  url: string;
  problem: string;
}

const messagesDir = new URL('../../src/web/i18n/messages/', import.meta.url);
const catalogs = await Promise.all(
  readdirSync(messagesDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map(async (f) => (await import(new URL(f, messagesDir).href)) as { de: Record<string, string> }),
);

/** Every message key, and the first segments keys start with (`console`, `error`, …). */
export const knownKeys = new Set(catalogs.flatMap((c) => Object.keys(c.de)));
const keyAreas = new Set([...knownKeys].map((k) => k.split('.')[0]));
/** Endings of host and file names: `status.beispiel.de` is an address, not a key. */
const nameEndings = new Set([
  'de',
  'com',
  'net',
  'org',
  'example',
  'test',
  'invalid',
  'local',
  'io',
  'eu',
  'csv',
  'yaml',
  'json',
  'ics',
  'atom',
  'rss',
  'txt',
  'html',
]);

/**
 * Dotted words in text that are message keys: a known key verbatim, or (a key that no longer
 * exists) three or more segments starting with an area, not ending like a host or file name.
 */
export function rawMessageKeys(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![\w.@/:-])[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9_]+)+(?![\w@/-])/g)) {
    const token = m[0];
    const segments = token.split('.');
    if (knownKeys.has(token)) found.push(token);
    else if (segments.length >= 3 && keyAreas.has(segments[0]) && !nameEndings.has(segments.at(-1) ?? ''))
      found.push(token);
  }
  return found;
}

const leftovers: [RegExp, string][] = [
  [/\bundefined\b/, 'undefined'],
  [/\bNaN\b/, 'NaN'],
  [/\[object \w+\]/, '[object Object]'],
  [/\bInvalid Date\b/, 'Invalid Date'],
  [/\{[a-zA-Z_][a-zA-Z0-9_]*\}/, 'an unreplaced placeholder'],
];

export function pageFindings(page: CrawledPage): PageFinding[] {
  const url = shortUrl(page.url);
  const findings: PageFinding[] = [];
  const add = (problem: string) => findings.push({ url, problem });
  if (page.status >= 500) add(`answered ${page.status}`);
  if (page.html === null) return findings;
  const frame = pageFrame(page.html);
  if (!frame.lang) add('no <html lang>');
  else if (new URL(page.url).searchParams.get('lang') === 'en' && frame.lang !== 'en')
    add(`asked for English, got <html lang="${frame.lang}">`);
  if (!frame.title) add('no <title>');
  if (frame.h1Count !== 1) add(`${frame.h1Count} <h1> elements, expected one`);
  const text = readableText(page.html);
  for (const [pattern, name] of leftovers) {
    const hit = pattern.exec(text);
    if (hit) add(`shows ${name}: "…${around(text, hit.index)}…"`);
  }
  for (const key of new Set(rawMessageKeys(text))) add(`shows the message key ${key}`);
  for (const link of linksOf(page.html)) {
    if (/undefined|NaN|\[object/.test(link)) add(`links to ${link}`);
  }
  return findings;
}

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 30), index + 40);
}

export function shortUrl(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
