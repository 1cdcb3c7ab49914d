/**
 * The report form in Chromium on a 360 px phone: choose a service, submit with gaps (errors
 * beside the fields, input kept), complete it, land on the follow page. axe-core finds no serious
 * violations on any of these pages and none scrolls sideways. DIALTONE_SCREENSHOT=1 keeps
 * screenshots in the system's temporary directory for a look.
 */
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReportCatalog } from '#src/services/report-fixtures.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../test/support/browser.ts';

const skip = chromiumSkipReason();

describe.skipIf(skip !== null)('report form in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedReportCatalog(t.store);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function check(page: Page, name: string) {
    const violations = await seriousAxeViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
    if (process.env.DIALTONE_SCREENSHOT === '1') {
      await page.screenshot({ path: join(tmpdir(), `dialtone-report-${name}.png`), fullPage: true });
    }
  }

  for (const [scheme, lang] of [
    ['light', 'de'],
    ['dark', 'en'],
  ] as const) {
    it(`is reported and followed on a phone (${scheme}, ${lang})`, async () => {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width: 360, height: 740 },
        extraHTTPHeaders: { 'accept-language': lang },
      });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/report`);
        await check(page, `chooser-${lang}`);
        await page.check('input[name="service"][value="dsl"]');
        await Promise.all([page.waitForURL(/service=dsl/), page.click('button[type="submit"]')]);
        await page.check('input[name="reporterKind"][value="customer"]');
        await page.fill('#f-company', 'Muster GmbH');
        await page.fill('#f-phone', '0355 12');
        await Promise.all([page.waitForLoadState(), page.click('button[type="submit"]')]);
        expect(await page.locator('.error-summary li').count()).toBeGreaterThan(3);
        expect(await page.inputValue('#f-company')).toBe('Muster GmbH');
        await check(page, `errors-${lang}`);
        await page.fill('#f-firstName', 'Erika');
        await page.fill('#f-lastName', 'Muster');
        await page.fill('#f-email', 'erika@muster.example');
        await page.fill('#f-phone', '0355 123456');
        await page.fill('#f-identifiers-dslOrderNumber', `D-${lang}`);
        await page.fill('#f-description', 'Die DSL-Leuchte blinkt seit heute früh.');
        await page.check('#f-consent');
        await Promise.all([page.waitForURL(/\/reports\/ST-/), page.click('button[type="submit"]')]);
        expect(await page.textContent('h1')).toMatch(/ST-2026-\d{6}/);
        await check(page, `follow-${lang}`);
      } finally {
        await context.close();
      }
    });
  }
});
