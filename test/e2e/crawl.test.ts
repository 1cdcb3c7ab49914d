/**
 * Every page holds together: dialtone started as `npm start` starts it (demo catalog, SQLite in a
 * temp data dir) plus the example inventory and some life (test/support/crawl-app.ts); then every
 * same-origin link reachable from the public start pages, the console, the self-check, the
 * partner area, the API docs and three mailed links is read (GET only, bounded) and checked in
 * German and English (test/support/crawl-checks.ts): no 5xx, no internal link to a 404, a page
 * frame, no leftovers, raw message keys or messages of the other language. A second pass opens
 * one page per route in Chromium at 1280 px (light) and 360 px (dark): axe-core finds nothing
 * serious, and a phone never scrolls sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium, seriousAxeViolations } from '../support/browser.ts';

import { type CrawlResult, crawl, type Visitor } from '../support/crawl.ts';
import { type CrawlApp, startCrawlApp } from '../support/crawl-app.ts';
import { routePattern } from '../support/crawl-routes.ts';

const starts = ['/', '/console', '/self-check', '/partner', '/api/v1/docs'];
/** Addresses of things that do not exist, as an old bookmark or a mistyped link brings them. */
const missing = [
  '/gibt-es-nicht',
  '/incidents/01nonexistent0000000000000',
  '/maintenance/01nonexistent0000000000000',
  '/self-check/gibt-es-nicht',
  '/partner/reports/ST-2026-999999',
  '/subscribe/manage/garbage.token',
  '/opt-out/garbage.token',
  '/console/incidents/01nonexistent0000000000000',
  '/console/reports/01nonexistent0000000000000',
  '/console/alerts/01nonexistent0000000000000',
  '/console/monitors/gibt-es-nicht',
  '/console/telemetry/gibt-es-nicht',
  '/console/templates/01nonexistent0000000000000',
  '/console/self-check/gibt-es-nicht',
];

let app: CrawlApp;
let result: CrawlResult;
/** The console once more, as an operator: the same links, a smaller role. */
let asOperator: CrawlResult;

beforeAll(async () => {
  app = await startCrawlApp();
  result = await crawl({
    base: app.base,
    cookies: { admin: app.adminCookie, partner: app.partnerCookie },
    starts: [...starts, ...app.mailedLinks, ...missing],
    maxUrls: 600,
  });
  asOperator = await crawl({
    base: app.base,
    cookies: { admin: app.operatorCookie, partner: app.partnerCookie },
    starts: ['/console'],
    maxUrls: 300,
  });
}, 120_000);
afterAll(() => app?.close());

describe('crawl over the demo installation', () => {
  it('reaches every area, in both languages, within its bounds', () => {
    const paths = result.pages.map((p) => new URL(p.url).pathname);
    for (const start of starts) expect(paths).toContain(start);
    // The crawl went beyond its start pages into each area (a console that lost its navigation
    // would leave the crawler with a handful of pages).
    for (const area of [
      '/console/',
      '/incidents/',
      '/self-check/',
      '/maintenance/',
      '/partner/',
      '/subscribe/manage/',
      '/opt-out/',
      '/partner/invitation',
    ])
      expect(paths.some((p) => p.startsWith(area))).toBe(true);
    const english = result.pages.filter((p) => new URL(p.url).searchParams.get('lang') === 'en');
    expect(english.length).toBeGreaterThan(result.pages.length / 3);
    const statuses = new Map<number, number>();
    for (const p of result.pages) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
    const tally = [...statuses].map(([status, n]) => `${n}× ${status}`).join(', ');
    console.log(
      `[crawl] ${result.pages.length} URLs read (${english.length} in English; ${tally}), ${result.leftOver} left over by the bound`,
    );
  });

  it('an operator is offered no link that the role may not open', () => {
    const keyOf = (url: string) => new URL(url).pathname + new URL(url).search;
    const working = new Set(asOperator.pages.filter((p) => p.status < 400).map((p) => keyOf(p.url)));
    expect(working.size).toBeGreaterThan(40);
    const refused = asOperator.pages.filter((p) => p.status === 403 || p.status === 404);
    const offered = refused.filter((p) => p.from !== null && working.has(keyOf(p.from)));
    expect(offered.map((p) => `${p.status} ${keyOf(p.url)} ← ${keyOf(p.from ?? p.url)}`)).toEqual([]);
    expect(asOperator.findings.map((f) => `${f.url}: ${f.problem}`)).toEqual([]);
    expect(asOperator.pages.filter((p) => p.status >= 500).map((p) => p.url)).toEqual([]);
  });

  it('the admin and the partner are never sent to sign in (their sessions carry every page)', () => {
    const turnedAway = result.pages
      .filter((p) => p.visitor !== 'anonymous' && p.location !== null)
      .filter((p) => new URL(p.location ?? '', p.url).pathname === '/console/login')
      .map((p) => `${p.visitor} ${p.url}`);
    expect(turnedAway).toEqual([]);
  });

  it('what does not exist answers 404 or 410 with a page of its own, in both languages', () => {
    const wrong = result.pages
      .filter((p) => missing.includes(new URL(p.url).pathname))
      .filter((p) => (p.status !== 404 && p.status !== 410) || p.html === null)
      .map((p) => `${p.status} ${p.contentType} ${p.url}`);
    expect(wrong).toEqual([]);
  });

  it('no page answers 5xx and no internal link leads to a 404', () => {
    const failing = result.pages.filter((p) => p.status >= 500).map((p) => `${p.status} ${p.url}`);
    const broken = result.broken.map((b) => `${b.url} ← ${b.linkedFrom.join(', ')}`);
    if (broken.length > 0) console.log(`[crawl] broken links:\n  ${broken.join('\n  ')}`);
    expect(failing).toEqual([]);
    expect(broken).toEqual([]);
  });

  it('every HTML page has its frame and shows no leftovers or raw message keys', () => {
    const findings = result.findings.map((f) => `${f.url}: ${f.problem}`);
    if (findings.length > 0) console.log(`[crawl] findings:\n  ${findings.join('\n  ')}`);
    expect(findings).toEqual([]);
  });
});

const chromiumSkip = chromiumSkipReason();

describe.skipIf(chromiumSkip !== null)('one page per route in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);
  afterAll(() => browser?.close());

  /** The German reading of each route's first HTML page (and of a 404), with the visitor it was read as. */
  function onePerRoute() {
    const byRoute = new Map<string, { url: string; visitor: Visitor }>();
    for (const page of result.pages) {
      const url = new URL(page.url);
      if (page.html === null || url.searchParams.has('lang')) continue;
      if (page.status !== 200 && page.status !== 404) continue;
      // The error page once per visitor: the public one and the console's.
      const route = page.status === 404 ? `404 as ${page.visitor}` : routePattern(url.pathname);
      if (!byRoute.has(route)) byRoute.set(route, { url: page.url, visitor: page.visitor });
    }
    return byRoute;
  }

  /** One tab per visitor, reused from route to route (a new tab per page costs more than the page). */
  async function tabFor(visitor: Visitor): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const cookie = visitor === 'admin' ? app.adminCookie : visitor === 'partner' ? app.partnerCookie : null;
    if (cookie) {
      const [name = '', value = ''] = cookie.split('=');
      await context.addCookies([{ name, value, url: app.base }]);
    }
    return context.newPage();
  }

  async function problemsOf(tab: Page, route: string, url: string): Promise<string[]> {
    const problems: string[] = [];
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.goto(url);
    // Light on the desktop, dark on the phone: both schemes without doubling the run time.
    for (const [width, colorScheme] of [
      [1280, 'light'],
      [360, 'dark'],
    ] as const) {
      await tab.emulateMedia({ colorScheme });
      await tab.setViewportSize({ width, height: 800 });
      for (const v of await seriousAxeViolations(tab)) {
        const where = v.nodes.map((n) => n.target.join(' ')).join(', ');
        problems.push(`${route} @${width}px ${colorScheme}: ${v.id} (${v.impact}) ${v.help}: ${where}`);
      }
    }
    const overflow = Number(await tab.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    if (overflow > 0) problems.push(`${route} @360px: scrolls sideways by ${overflow} px`);
    return problems;
  }

  it('axe-core finds nothing serious at 1280 px (light) and 360 px (dark); a phone never scrolls sideways', async () => {
    const routes = onePerRoute();
    expect(routes.size).toBeGreaterThan(20);
    const tabs = new Map<Visitor, Page>();
    const problems: string[] = [];
    try {
      for (const [route, { url, visitor }] of routes) {
        const tab = tabs.get(visitor) ?? (await tabFor(visitor));
        tabs.set(visitor, tab);
        problems.push(...(await problemsOf(tab, route, url)));
      }
    } finally {
      for (const tab of tabs.values()) await tab.context().close();
    }
    console.log(`[crawl] ${routes.size} routes opened in Chromium`);
    if (problems.length > 0) console.log(`[crawl] browser findings:\n  ${problems.join('\n  ')}`);
    expect(problems).toEqual([]);
  }, 180_000);
});
