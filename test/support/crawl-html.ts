/**
 * @module Just enough HTML reading for the crawler: entities decoded, the text a person reads
 * (with the texts of alt, title, aria-label and placeholder, which they read or hear too), and
 * the page frame (lang, title, headings). Regular expressions over the server's own markup,
 * which ghtml writes regularly; no DOM needed for these questions.
 */

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

/**
 * Elements whose content is not prose: scripts, styles, and code samples (the API docs show
 * `{id}` paths and error keys on purpose). Form fields keep what someone typed, not our text.
 */
const notProse = /<(script|style|template|code|pre|textarea|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const readAloud = /\s(alt|title|aria-label|placeholder)\s*=\s*("([^"]*)"|'([^']*)')/gi;

/** The text a reader sees or hears, as one string with words separated by single spaces. */
export function readableText(html: string): string {
  const withoutHead = html.replace(/<head\b[\s\S]*?<\/head\s*>/i, ' ');
  const prose = withoutHead.replace(notProse, ' ');
  const spoken: string[] = [];
  for (const m of prose.matchAll(readAloud)) spoken.push(m[3] ?? m[4] ?? '');
  const text = prose.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ');
  return decodeEntities(`${text} ${spoken.join(' ')}`)
    .replace(/\s+/g, ' ')
    .trim();
}

export interface PageFrame {
  lang: string | null;
  title: string;
  h1Count: number;
}

export function pageFrame(html: string): PageFrame {
  const lang = /<html\b[^>]*\slang\s*=\s*["']?([^"'\s>]*)/i.exec(html)?.[1] ?? null;
  const title = decodeEntities(/<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1] ?? '').trim();
  const h1Count = [...html.replace(notProse, ' ').matchAll(/<h1[\s>]/gi)].length;
  return { lang: lang || null, title, h1Count };
}

/** `<a href>` targets and the actions of GET forms (followed without their fields). */
export function linksOf(html: string): string[] {
  const links: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\shref\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const href = decodeEntities(m[2] ?? m[3] ?? '');
    if (href && !/^(mailto|tel|javascript|data):/i.test(href)) links.push(href);
  }
  for (const m of html.matchAll(/<form\b([^>]*)>/gi)) {
    const attrs = m[1] ?? '';
    const method = /\smethod\s*=\s*["']?(\w+)/i.exec(attrs)?.[1]?.toLowerCase() ?? 'get';
    if (method !== 'get') continue;
    const action = /\saction\s*=\s*("([^"]*)"|'([^']*)')/i.exec(attrs);
    links.push(decodeEntities(action ? (action[2] ?? action[3] ?? '') : ''));
  }
  return links;
}
