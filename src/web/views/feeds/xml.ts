/**
 * @module Text for XML feeds: plain text from a message's markdown, and escaping that always
 * yields well-formed XML 1.0 (markup characters escaped, characters XML cannot carry dropped).
 */
import { markdownToText } from '../markdown.ts';

/** Everything XML 1.0 allows in content; the rest (most C0 controls, lone surrogates) is dropped. */
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(notXmlChar, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const named = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/**
 * Undoes the entities sanitize-html leaves in its text output (`&amp;`, `&lt;`, numeric ones), in
 * one pass so that `&amp;lt;` becomes the literal text `&lt;`, not `<`.
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named.get(ref.toLowerCase()) ?? whole;
  });
}

/** A message as one line of plain, unescaped text (escape it for the output format after). */
export const messageText = (markdown: string): string => decodeEntities(markdownToText(markdown));
