/**
 * @module What a customer sees: public pages in a fresh browser (own cookies and cache, language
 * from Accept-Language), each page checked with axe-core on the way; the Atom feed parsed by the
 * browser's XML parser; the Statuspage-compatible summary.json.
 */
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Locale } from '#src/web/i18n/index.ts';
import type { SpComponent, SpIncident, SpStatus } from '#src/web/routes/api/v2/types.ts';
import { seriousAxeViolations } from '../support/browser.ts';

/** The size the README screenshot has; wide enough for the desktop layout. */
export const desktop = { width: 1280, height: 900 };

/**
 * Runs `read` in a new browser context: a reader arriving now, with nothing cached from an
 * earlier visit (public pages may be cached for 30 s, which a returning reader would see).
 */
export async function asReader<T>(browser: Browser, locale: Locale, read: (page: Page) => Promise<T>) {
  const context = await browser.newContext({
    locale: locale === 'de' ? 'de-DE' : 'en-GB',
    colorScheme: 'light',
    viewport: desktop,
  });
  try {
    return await read(await context.newPage());
  } finally {
    await context.close();
  }
}

/** Opens a public page, checks it answered in the reader's language, and runs axe-core on it. */
export async function visit(page: Page, url: string, locale: Locale) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  expect(await page.getAttribute('html', 'lang'), url).toBe(locale);
  const violations = await seriousAxeViolations(page);
  expect(violations, `${url} (${locale}): ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent())?.trim();

export const bannerText = (page: Page) => text(page, '.banner');

/** A component's row on the status page: its status label and the "affected by" line, if any. */
export async function componentRow(page: Page, name: string) {
  const row = page.locator('ul.comps > li').filter({ has: page.getByText(name, { exact: true }) });
  expect(await row.count(), `rows named "${name}"`).toBe(1);
  const why = row.locator('.why');
  return {
    status: (await row.locator('.cr .st').textContent())?.trim(),
    cause: (await why.count()) === 0 ? null : (await why.textContent())?.trim(),
  };
}

export interface Summary {
  components: SpComponent[];
  incidents: SpIncident[];
  status: SpStatus;
}

export async function fetchSummary(page: Page, base: string, locale: Locale): Promise<Summary> {
  const response = await page.request.get(`${base}/api/v2/summary.json?lang=${locale}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Summary;
}

export interface FeedEntry {
  title: string;
  link: string;
  summary: string;
}

/**
 * The Atom feed's entries, parsed by Chromium's XML parser (so the feed must be well-formed)
 * in the reader's page. Passed as a string: the tests compile without the DOM library.
 */
export async function fetchAtomEntries(page: Page, base: string, locale: Locale): Promise<FeedEntry[]> {
  const response = await page.request.get(`${base}/feed.atom?lang=${locale}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/);
  // The XML goes in as a JSON string literal: a string expression gets no arguments.
  const parsed = (await page.evaluate(`((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) return null;
    const ns = 'http://www.w3.org/2005/Atom';
    const first = (e, tag) => e.getElementsByTagNameNS(ns, tag)[0];
    return [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
      title: first(e, 'title')?.textContent ?? '',
      link: first(e, 'link')?.getAttribute('href') ?? '',
      summary: first(e, 'summary')?.textContent ?? '',
    }));
  })(${JSON.stringify(await response.text())})`)) as FeedEntry[] | null;
  expect(parsed, 'the Atom feed is well-formed XML').not.toBeNull();
  return parsed ?? [];
}
