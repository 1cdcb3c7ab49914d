/**
 * @module A small, strict XML well-formedness check for the feed tests (Node has no XML parser):
 * one root element, balanced and properly nested tags, well-formed attributes without duplicates,
 * only the five predefined or numeric entity references, no characters XML 1.0 forbids. Returns
 * the first problem with its offset, or null for a well-formed document.
 */

const name = '[A-Za-z_][\\w.:-]*';
const reference = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const forbidden = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const attribute = new RegExp(`\\s+(${name})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'y');

/** Every `&` in text or an attribute value must start a valid reference; no raw `<` in values. */
function checkChars(text: string, at: number): string | null {
  if (forbidden.test(text)) return `character not allowed in XML near ${at}`;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    reference.lastIndex = i;
    if (!reference.test(text)) return `bare "&" at ${at + i}`;
  }
  return null;
}

function checkAttributes(source: string, at: number): string | null {
  const seen = new Set<string>();
  let i = 0;
  while (i < source.length) {
    if (/^\s*$/.test(source.slice(i))) return null;
    attribute.lastIndex = i;
    const m = attribute.exec(source);
    if (!m) return `malformed attribute near ${at + i}`;
    if (seen.has(m[1]!)) return `duplicate attribute "${m[1]}" at ${at + i}`;
    seen.add(m[1]!);
    const value = m[2] ?? m[3] ?? '';
    if (value.includes('<')) return `"<" in attribute value at ${at + i}`;
    const problem = checkChars(value, at + i);
    if (problem) return problem;
    i = attribute.lastIndex;
  }
  return null;
}

const tag = new RegExp(`<(/?)(${name})([^<>]*?)(/?)>`, 'y');

export function xmlProblem(doc: string): string | null {
  let i = doc.startsWith('<?xml') ? doc.indexOf('?>') + 2 : 0;
  if (i === 1) return 'unterminated XML declaration';
  const stack: string[] = [];
  let roots = 0;
  while (i < doc.length) {
    const lt = doc.indexOf('<', i);
    const text = doc.slice(i, lt === -1 ? doc.length : lt);
    if (stack.length === 0 && text.trim() !== '') return `text outside the root element at ${i}`;
    const problem = checkChars(text, i);
    if (problem) return problem;
    if (lt === -1) break;
    if (doc.startsWith('<!--', lt)) {
      const end = doc.indexOf('-->', lt + 4);
      if (end === -1) return `unterminated comment at ${lt}`;
      i = end + 3;
      continue;
    }
    if (doc.startsWith('<![CDATA[', lt)) {
      const end = doc.indexOf(']]>', lt);
      if (end === -1 || stack.length === 0) return `bad CDATA section at ${lt}`;
      i = end + 3;
      continue;
    }
    tag.lastIndex = lt;
    const m = tag.exec(doc);
    if (!m) return `malformed tag at ${lt}`;
    const [, closing, tagName, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      if (attrs.trim() !== '' || selfClosing) return `malformed end tag at ${lt}`;
      const open = stack.pop();
      if (open !== tagName) return `</${tagName}> at ${lt} closes <${open ?? 'nothing'}>`;
    } else {
      const problem = checkAttributes(attrs, lt + 1 + tagName.length);
      if (problem) return problem;
      if (stack.length === 0 && ++roots > 1) return `second root element at ${lt}`;
      if (!selfClosing) stack.push(tagName);
    }
    i = tag.lastIndex;
  }
  if (stack.length > 0) return `unclosed <${stack.at(-1)}>`;
  if (roots === 0) return 'no root element';
  return null;
}
