/**
 * @module Atom 1.0 (RFC 4287) of incidents and maintenance. Built as text with every value passed
 * through escapeXml, so titles like `<script>` or `A & B` arrive as text, never as markup.
 */
import type { FeedEntry } from './entries.ts';
import { escapeXml as x } from './xml.ts';

export interface FeedMeta {
  title: string;
  description: string;
  /** `de` | `en`: the language of every text in the feed. */
  language: string;
  /** The feed's own URL (with its language), also its id. */
  selfUrl: string;
  /** The status page. */
  siteUrl: string;
  author: string;
  /** ISO 8601 UTC of the newest change. */
  updated: string;
}

function entry(e: FeedEntry): string {
  return [
    '  <entry>',
    `    <id>${x(e.link)}</id>`,
    `    <title type="text">${x(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${x(e.link)}"/>`,
    `    <category term="${e.kind}"/>`,
    `    <published>${e.published}</published>`,
    `    <updated>${e.updated}</updated>`,
    `    <summary type="text">${x(e.summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

export function renderAtom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(meta.language)}">`,
    `  <id>${x(meta.selfUrl)}</id>`,
    `  <title type="text">${x(meta.title)}</title>`,
    `  <subtitle type="text">${x(meta.description)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${x(meta.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(meta.siteUrl)}"/>`,
    `  <updated>${meta.updated}</updated>`,
    `  <author><name>${x(meta.author)}</name></author>`,
    '  <generator>dialtone</generator>',
    ...entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
