/**
 * The API docs page and the console's token page in a real browser: no serious accessibility
 * violations (axe-core) in either language, and no sideways scroll on a phone.
 */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../../test/support/browser.ts';

const skip = chromiumSkipReason();

describe.skipIf(skip !== null)('API docs and token pages in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const admin = await signedInStaff(t, 'admin');
    cookie = admin.cookie.split('=')[1]!;
    await t.app.inject({
      method: 'POST',
      url: '/console/tokens',
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: admin.csrf, name: 'monitoring', role: 'operator' }).toString(),
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const lang of ['de', 'en']) {
    it(`has no serious violations and fits a 360 px phone (${lang})`, async () => {
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        extraHTTPHeaders: { 'accept-language': lang },
      });
      await context.addCookies([{ name: 'dt_session', value: cookie, url: base }]);
      try {
        const page = await context.newPage();
        // The console speaks the account's language unless ?lang= asks otherwise.
        for (const path of ['/api/v1/docs', `/console/tokens?lang=${lang}`]) {
          await page.goto(`${base}${path}`);
          expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
          expect(await seriousAxeViolations(page), path).toEqual([]);
          const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
          expect(overflow, path).toBeLessThanOrEqual(0);
        }
      } finally {
        await context.close();
      }
    });
  }
});
