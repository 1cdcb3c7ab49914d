/**
 * @module What the crawler asks of every answer: no 5xx; an HTML page has a language, a title
 * and one h1; its readable text shows no programming leftovers (undefined, NaN, [object Object],
 * Invalid Date), no unreplaced `{placeholder}` and no raw message key. Keys are recognised
 * against the real catalogs in src/web/i18n/messages/, so host names and file names in the demo
 * data (which also have dots) are not mistaken for keys.
 */
import { readdirSync } from 'node:fs';
import type { CrawledPage } from './crawl.ts';
import { decodeEntities, linksOf, pageFrame, readableText } from './crawl-html.ts';
import { isCsrfExempt } from './crawl-routes.ts';

export interface PageFinding {
  url: string;
  problem: string;
}

const messagesDir = new URL('../../src/web/i18n/messages/', import.meta.url);
const catalogs = await Promise.all(
  readdirSync(messagesDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map(
      async (f) =>
        (await import(new URL(f, messagesDir).href)) as {
          de: Record<string, string>;
          en: Record<string, string>;
        },
    ),
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

type Lang = 'de' | 'en';

/**
 * Pieces of one language's messages (between placeholders, at least three words) that no
 * message of the other language contains, indexed by their first two words: found on a page in
 * the other language, the wrong catalog wrote them.
 */
function languageMarks(from: Lang): Map<string, string[]> {
  const other: Lang = from === 'de' ? 'en' : 'de';
  const otherText = catalogs.flatMap((c) => Object.values(c[other])).join('\n');
  const marks = new Map<string, string[]>();
  for (const c of catalogs) {
    for (const [key, value] of Object.entries(c[from])) {
      if (c[other][key] === value) continue;
      for (const raw of value.split(/\{\w+\}/)) {
        const piece = raw.replace(/\s+/g, ' ').trim();
        const words = piece.split(' ');
        if (words.length < 3 || piece.length < 16 || otherText.includes(piece)) continue;
        const head = `${words[0]} ${words[1]}`;
        marks.set(head, [...(marks.get(head) ?? []), piece]);
      }
    }
  }
  return marks;
}
const marksOf = { de: languageMarks('de'), en: languageMarks('en') };

/** A message piece of the other language in a page's text (elements marked with their own `lang` left out). */
export function otherLanguageIn(text: string, pageLang: Lang): string | null {
  const marks = marksOf[pageLang === 'de' ? 'en' : 'de'];
  const words = [...text.matchAll(/\S+/g)];
  for (let i = 0; i + 1 < words.length; i++) {
    const candidates = marks.get(`${words[i]?.[0]} ${words[i + 1]?.[0]}`);
    const at = words[i]?.index ?? 0;
    const hit = candidates?.find((piece) => text.startsWith(piece, at));
    if (hit) return hit;
  }
  return null;
}

/** What a missing or mistyped value prints. */
const programLeftovers: [RegExp, string][] = [
  [/\bundefined\b/, 'undefined'],
  [/\bNaN\b/, 'NaN'],
  [/\[object \w+\]/, '[object Object]'],
  [/\bInvalid Date\b/, 'Invalid Date'],
];
const leftovers: [RegExp, string][] = [
  ...programLeftovers,
  [/\{[a-zA-Z_][a-zA-Z0-9_]*\}/, 'an unreplaced placeholder'],
];

export function pageFindings(page: CrawledPage): PageFinding[] {
  const url = shortUrl(page.url);
  const findings: PageFinding[] = [];
  const add = (problem: string) => findings.push({ url, problem });
  if (page.status >= 500) add(`answered ${page.status}`);
  if (page.text) findings.push(...textFindings(url, page.contentType, page.text));
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
  if (frame.lang === 'de' || frame.lang === 'en') {
    const mixed = otherLanguageIn(readableText(withoutOtherLanguage(page.html)), frame.lang);
    if (mixed) add(`in <html lang="${frame.lang}"> shows the other language: "${mixed}"`);
  }
  for (const id of duplicateIds(page.html)) add(`id="${id}" is used twice (labels and links find the first)`);
  const unprotected = postFormsWithoutCsrf(page.html, page.url);
  if (unprotected > 0) add(`${unprotected} POST form(s) without the _csrf field`);
  for (const link of linksOf(page.html)) {
    if (/undefined|NaN|\[object/.test(link)) add(`links to ${link}`);
  }
  return findings;
}

/**
 * A feed, calendar, JSON or YAML answer is read by programs and, through them, by people: it
 * must parse (JSON) and carry no programming leftovers either.
 */
function textFindings(url: string, contentType: string, text: string): PageFinding[] {
  const findings: PageFinding[] = [];
  if (contentType.startsWith('application/json')) {
    try {
      JSON.parse(text);
    } catch {
      findings.push({ url, problem: 'answers JSON that does not parse' });
    }
  }
  for (const [pattern, name] of programLeftovers) {
    const hit = pattern.exec(text);
    if (hit) findings.push({ url, problem: `carries ${name}: "…${around(text, hit.index)}…"` });
  }
  return findings;
}

/** Drops elements that declare their own language (a preview of the English text, the language switch). */
function withoutOtherLanguage(html: string): string {
  return html.replace(/<(?!html\b)(\w+)\b[^>]*\slang\s*=[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
}

function duplicateIds(html: string): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const m of html
    .replace(/<(script|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .matchAll(/<[a-z][^>]*?\sid\s*=\s*"([^"]*)"/gi)) {
    const id = m[1] ?? '';
    if (seen.has(id)) twice.add(id);
    seen.add(id);
  }
  return [...twice];
}

/** POST forms without `_csrf`, leaving out those that post to a route whose URL is its own secret. */
function postFormsWithoutCsrf(html: string, pageUrl: string): number {
  const forms = html.match(/<form\b[^>]*\smethod\s*=\s*["']?post[\s\S]*?<\/form\s*>/gi) ?? [];
  return forms.filter((form) => {
    if (/\sname\s*=\s*["']?_csrf\b/i.test(form)) return false;
    const action = decodeEntities(/\saction\s*=\s*"([^"]*)"/i.exec(form)?.[1] ?? '');
    return !isCsrfExempt(new URL(action, pageUrl).pathname);
  }).length;
}

function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 30), index + 40);
}

export function shortUrl(url: string): string {
  const u = new URL(url);
  return u.pathname + u.search;
}
