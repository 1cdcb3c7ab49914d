/**
 * @module A breadth-first crawler over a running dialtone: follows every same-origin `<a href>`,
 * redirect and parameterless GET form, GET only, bounded in URLs and in query-string variants
 * per path, each path read once more with `?lang=en`. Console pages are read as the admin,
 * partner pages as the partner, everything else anonymously. Each answer is checked with
 * crawl-checks.ts; links that answer 404 are collected with the pages that carry them.
 */
import { type PageFinding, pageFindings } from './crawl-checks.ts';
import { linksOf } from './crawl-html.ts';

export type Visitor = 'admin' | 'partner' | 'anonymous';

export interface CrawlOptions {
  base: string;
  cookies: { admin: string; partner: string };
  starts: readonly string[];
  maxUrls?: number;
  /** Different query strings followed per path (besides `?lang=en`). */
  maxVariantsPerPath?: number;
}

export interface CrawledPage {
  url: string;
  status: number;
  contentType: string;
  visitor: Visitor;
  /** The page the first link here was found on (null for a start URL). */
  from: string | null;
  /** The body of an HTML answer. */
  html: string | null;
  /** The body of another text answer (JSON, feeds, calendar, YAML, metrics). */
  text?: string | null;
  /** Where a redirect points. */
  location: string | null;
}

export interface CrawlResult {
  pages: CrawledPage[];
  /** Internal links that answered 404, with every page that links there. */
  broken: { url: string; linkedFrom: string[] }[];
  findings: PageFinding[];
  /** URLs found but not read because a bound was reached. */
  leftOver: number;
}

export function visitorFor(pathname: string): Visitor {
  // The invitation is opened by someone who has no account yet.
  if (pathname === '/partner/invitation') return 'anonymous';
  if (pathname === '/console' || pathname.startsWith('/console/')) return 'admin';
  if (pathname === '/partner' || pathname.startsWith('/partner/')) return 'partner';
  return 'anonymous';
}

export async function crawl(options: CrawlOptions): Promise<CrawlResult> {
  const maxUrls = options.maxUrls ?? 600;
  const maxVariants = options.maxVariantsPerPath ?? 3;
  const origin = new URL(options.base).origin;
  const queue: { url: string; from: string | null }[] = [];
  const seen = new Set<string>();
  const variants = new Map<string, number>();
  const englishPaths = new Set<string>();
  const linkedFrom = new Map<string, Set<string>>();
  let leftOver = 0;

  const enqueue = (raw: string, from: string | null) => {
    const url = sameOrigin(raw, from ?? options.base, origin);
    if (!url) return;
    const key = url.pathname + url.search;
    if (from) {
      const froms = linkedFrom.get(key) ?? new Set();
      froms.add(new URL(from).pathname + new URL(from).search);
      linkedFrom.set(key, froms);
    }
    if (seen.has(key)) return;
    const variantCount = variants.get(url.pathname) ?? 0;
    if (url.search && variantCount >= maxVariants) return;
    if (seen.size >= maxUrls) {
      leftOver++;
      return;
    }
    seen.add(key);
    if (url.search) variants.set(url.pathname, variantCount + 1);
    queue.push({ url: url.href, from });
    // Each path once in English too: the first URL found for it (a token in its query kept),
    // the other catalog.
    if (englishPaths.has(url.pathname) || seen.size >= maxUrls) return;
    englishPaths.add(url.pathname);
    const english = new URL(url);
    english.searchParams.set('lang', 'en');
    const englishKey = english.pathname + english.search;
    if (seen.has(englishKey)) return;
    seen.add(englishKey);
    queue.push({ url: english.href, from });
  };

  for (const start of options.starts) enqueue(new URL(start, options.base).href, null);
  const pages: CrawledPage[] = [];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const page = await fetchPage(next.url, next.from, options.cookies);
    pages.push(page);
    if (page.location !== null) enqueue(page.location, next.url);
    if (page.html !== null) for (const link of linksOf(page.html)) enqueue(link, next.url);
  }
  // A link is broken when a page that works carries it (an error page's language switch
  // leads, rightly, to the same error).
  const keyOf = (url: string) => new URL(url).pathname + new URL(url).search;
  const working = new Set(pages.filter((p) => p.status < 400).map((p) => keyOf(p.url)));
  const broken = pages
    .filter((p) => p.status === 404)
    .map((p) => ({
      url: keyOf(p.url),
      linkedFrom: [...(linkedFrom.get(keyOf(p.url)) ?? [])].filter((from) => working.has(from)),
    }))
    .filter((b) => b.linkedFrom.length > 0);
  return { pages, broken, findings: pages.flatMap(pageFindings), leftOver };
}

/** A followable same-origin http URL without its fragment, or null. */
function sameOrigin(raw: string, from: string, origin: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw, from);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  url.hash = '';
  return url;
}

/** Reads one URL as its visitor, without following redirects (the Location is crawled as a link). */
async function fetchPage(
  url: string,
  from: string | null,
  cookies: CrawlOptions['cookies'],
): Promise<CrawledPage> {
  const visitor = visitorFor(new URL(url).pathname);
  const headers: Record<string, string> = {};
  if (visitor !== 'anonymous') headers.cookie = cookies[visitor];
  const response = await fetch(url, { redirect: 'manual', headers });
  const contentType = response.headers.get('content-type') ?? '';
  const body = await response.text();
  const redirect = response.status >= 300 && response.status < 400;
  return {
    url,
    status: response.status,
    contentType,
    visitor,
    from,
    html: !redirect && contentType.startsWith('text/html') ? body : null,
    text: !redirect && isOtherText(contentType) ? body : null,
    location: redirect ? response.headers.get('location') : null,
  };
}

function isOtherText(contentType: string): boolean {
  return /^(application\/(json|atom\+xml|rss\+xml|xml|yaml|x-yaml)|text\/(calendar|plain|yaml|xml|csv))/.test(
    contentType,
  );
}
