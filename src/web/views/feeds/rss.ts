/**
 * @module RSS 2.0 of incidents and maintenance, for readers that know no Atom. Same entries as
 * the Atom feed; dates in RFC 822 as RSS requires; the item's page is its guid.
 */
import type { FeedMeta } from './atom.ts';
import type { FeedEntry } from './entries.ts';
import { escapeXml as x } from './xml.ts';

/**
 * RSS readers treat `description` as HTML; the summary is plain text, so it is HTML-encoded
 * first (a `<` in a message must stay a character) and then escaped for XML like everything else.
 */
const asHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** RFC 822 date (`Fri, 20 Nov 2026 10:00:00 GMT`). */
export const rfc822 = (iso: string): string => new Date(iso).toUTCString();

function item(e: FeedEntry): string {
  return [
    '    <item>',
    `      <title>${x(e.title)}</title>`,
    `      <link>${x(e.link)}</link>`,
    `      <guid isPermaLink="true">${x(e.link)}</guid>`,
    `      <category>${e.kind}</category>`,
    `      <pubDate>${rfc822(e.updated)}</pubDate>`,
    `      <description>${x(asHtml(e.summary))}</description>`,
    '    </item>',
  ].join('\n');
}

export function renderRss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${x(meta.title)}</title>`,
    `    <link>${x(meta.siteUrl)}</link>`,
    `    <description>${x(meta.description)}</description>`,
    `    <language>${x(meta.language)}</language>`,
    `    <lastBuildDate>${rfc822(meta.updated)}</lastBuildDate>`,
    `    <atom:link href="${x(meta.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    '    <generator>dialtone</generator>',
    ...entries.map(item),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
