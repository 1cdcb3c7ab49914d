import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { readTriageSources } from '#src/services/load-triage-trees.ts';
import { signIn } from '#src/services/sign-in.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../test/support/browser.ts';
import { testContext } from '../../../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../../../test/support/reports.ts';

const skip = chromiumSkipReason();
const password = 'correct horse battery';

describe.skipIf(skip !== null)(
  'self-check editor and reporter data in Chromium: axe-core, light and dark, phone',
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let cookie: string;

    beforeAll(async () => {
      t = await buildTestApp();
      await seedReportCatalog(t.store);
      await insertReport(t.store, { email: 'erika@example.net' });
      const ctx = testContext(t.store, t.clock, cliActor());
      await createUser({ ctx, input: { email: 'admin@example.net', role: 'admin', password } });
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

    async function clean(page: Awaited<ReturnType<BrowserContext['newPage']>>, what: string) {
      const violations = await seriousAxeViolations(page);
      expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      const overflow = Number(
        await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
    }

    for (const scheme of ['light', 'dark'] as const) {
      for (const [lang, width] of [
        ['de', 1280],
        ['en', 360],
      ] as const) {
        it(`has no serious violations (${scheme}, ${lang}, ${width} px)`, async () => {
          const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 800 } });
          await context.addCookies([{ name: 'dt_session', value: cookie, url: base }]);
          const page = await context.newPage();
          try {
            const q = `?lang=${lang}`;
            const [first] = readTriageSources();
            for (const path of [
              '/console/self-check',
              `/console/self-check/${first!.id}`,
              '/console/reporter-data',
            ]) {
              await page.goto(`${base}${path}${q}`);
              expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
              await clean(page, path);
            }
            // A refused tree: the problems beside the editor.
            await page.goto(`${base}/console/self-check/new${q}`);
            await page.fill('#tree-yaml', 'id: broken\nnodes: []\n');
            await page.click('button[value="check"]');
            expect(await page.locator('#tree-errors li').count()).toBeGreaterThan(0);
            await clean(page, 'refused tree');
            // A lookup with results, then the erase confirmation (not confirmed).
            await page.goto(`${base}/console/reporter-data${q}`);
            await page.fill('#f-email', 'erika@example.net');
            await page.click('button[value="find"]');
            expect(await page.locator('table tbody tr').count()).toBe(1);
            await clean(page, 'lookup');
            await page.click('button[value="erase"]');
            expect(await page.locator('button[value="erase-confirmed"]').count()).toBe(1);
            await clean(page, 'erase confirmation');
          } finally {
            await context.close();
          }
        });
      }
    }
  },
);
