import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../test/support/browser.ts';
import { testContext } from '../../../../test/support/factories.ts';

const demo = parseCatalogFile(
  readFileSync(new URL('../../../../catalog/demo.yaml', import.meta.url), 'utf8'),
);

const skip = chromiumSkipReason();

describe.skipIf(skip !== null)('self-check in Chromium: axe-core at 360 px', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const pages = {
    list: '/self-check',
    question: '/self-check/no-calls?a=0.0',
    fixYourself: '/self-check/phones-unregistered?a=0',
    report: '/self-check/cloud-web-unreachable?a=0.1.1',
    badPath: '/self-check/no-calls?a=9',
  };

  beforeAll(async () => {
    t = await buildTestApp();
    if (!demo.ok) throw new Error(JSON.stringify(demo.errors));
    await applyCatalog({ ctx: testContext(t.store, t.clock), input: { document: demo.document } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // Both schemes and both languages, each once: the pages share one stylesheet and layout.
  for (const [scheme, lang] of [
    ['light', 'de'],
    ['dark', 'en'],
  ] as const) {
    it(`has no serious or critical violations and no sideways scroll (${scheme}, ${lang})`, async () => {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 360, height: 740 },
        extraHTTPHeaders: { 'accept-language': lang },
      });
      try {
        const page = await context.newPage();
        for (const [name, path] of Object.entries(pages)) {
          await page.goto(`${base}${path}`);
          expect(await page.getAttribute('html', 'lang'), name).toBe(lang);
          const violations = await seriousAxeViolations(page);
          expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
          const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
          expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('walks to a fix-it-yourself outcome by following links, and back', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      extraHTTPHeaders: { 'accept-language': 'de' },
    });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/self-check`);
      await page.click('a[href="/self-check/phones-unregistered"]');
      await page.click('a.sc-answer >> nth=0');
      expect(await page.textContent('h1')).toBe('NAT-Timeout der Firewall erhöhen');
      expect(new URL(page.url()).search).toBe('?a=0');
      await page.goBack();
      expect(await page.textContent('h1')).toContain('UNREACHABLE');
    } finally {
      await context.close();
    }
  });
});
