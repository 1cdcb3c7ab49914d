import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { signIn } from '#src/services/sign-in.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../test/support/browser.ts';
import { seedMiniCatalog, testContext } from '../../../../test/support/factories.ts';

const skip = chromiumSkipReason();
const password = 'correct horse battery';

describe.skipIf(skip !== null)('console account pages in Chromium: axe-core, light and dark, phone', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let cookie: string;
  let operatorId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedMiniCatalog(t.store);
    const ctx = testContext(t.store, t.clock, cliActor());
    await declareIncident({
      ctx,
      input: {
        title: { de: 'Medienserver Cottbus gestört', en: 'Media server Cottbus impaired' },
        components: [{ componentId: 'media-cottbus', status: 'partial_outage' }],
        message: { de: 'Wir untersuchen.', en: 'Investigating.' },
      },
    });
    await createUser({ ctx, input: { email: 'admin@example.net', role: 'admin', password } });
    operatorId = (await createUser({ ctx, input: { email: 'op@example.net', role: 'operator', password } }))
      .id;
    // Long enough that the browser's clock never sees it expire.
    cookie = (
      await signIn({ ctx, input: { email: 'admin@example.net', password, sessionHours: 24 * 365 * 10 } })
    ).cookie;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function check(context: BrowserContext, paths: string[], lang: string) {
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(`${base}${path}`);
      expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
      // The stylesheet applied (CSP allows it): the header is laid out as a flex row.
      // (Expressions as strings: this file is type-checked without the DOM library.)
      expect(
        await page.evaluate('getComputedStyle(document.querySelector(".console-header")).display'),
        path,
      ).toBe('flex');
      const violations = await seriousAxeViolations(page);
      expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      const overflow = Number(
        await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    return page;
  }

  for (const scheme of ['light', 'dark'] as const) {
    for (const [lang, width] of [
      ['de', 1280],
      ['en', 360],
    ] as const) {
      it(`has no serious violations (${scheme}, ${lang}, ${width} px)`, async () => {
        const context = await browser.newContext({
          colorScheme: scheme,
          viewport: { width, height: 800 },
          extraHTTPHeaders: { 'accept-language': lang },
        });
        try {
          const anonymous = await check(context, ['/console/login', '/console/setup?token=x'], lang);
          // A refused sign-in: the error summary and the kept email.
          await anonymous.goto(`${base}/console/login`);
          await anonymous.fill('#f-email', 'admin@example.net');
          await anonymous.fill('#f-password', 'wrong password');
          await anonymous.click('button.primary');
          expect(await anonymous.locator('.error-summary').count()).toBe(1);
          expect(await seriousAxeViolations(anonymous)).toEqual([]);

          await context.addCookies([{ name: 'dt_session', value: cookie, url: base }]);
          // The account's language (de) wins over the browser's; ?lang= asks for this page.
          const q = `?lang=${lang}`;
          await check(
            context,
            [
              '/console',
              '/console/users',
              `/console/users/${operatorId}/password`,
              '/console/account',
              '/console/audit',
            ].map((p) => `${p}${q}`),
            lang,
          );
        } finally {
          await context.close();
        }
      });
    }
  }
});
