/**
 * @module Markdown in incident and maintenance messages, rendered and then sanitized: only text
 * formatting, lists, code and links survive; links get rel="nofollow noopener" and only http(s)
 * and mailto schemes. Raw HTML in a message is dropped, never passed through.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'a',
    'blockquote',
    'h3',
    'h4',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }),
    h1: 'h3',
    h2: 'h3',
  },
  disallowedTagsMode: 'discard',
};

const cache = new Map<string, string>();

/** Safe HTML for a message; identical inputs are rendered once (messages repeat on every page view). */
export function renderMarkdown(source: string): string {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const out = sanitizeHtml(marked.parse(source) as string, allowed);
  if (cache.size > 2000) cache.clear();
  cache.set(source, out);
  return out;
}

/** Plain text of a message, for feeds' summaries and SMS-length previews. */
export function markdownToText(source: string): string {
  return sanitizeHtml(marked.parse(source) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
}
