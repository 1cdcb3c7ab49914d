import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { detectReportClusters } from '#src/services/detect-report-clusters.ts';
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

describe.skipIf(skip !== null)('report inbox pages in Chromium: axe-core, light and dark, phone', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let cookie: string;
  let reportId: string;
  let alertId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    await seedReportCatalog(t.store);
    const ctx = testContext(t.store, t.clock, cliActor());
    await createUser({ ctx, input: { email: 'op@example.net', role: 'operator', password } });
    cookie = (
      await signIn({ ctx, input: { email: 'op@example.net', password, sessionHours: 24 * 365 * 10 } })
    ).cookie;
    for (let i = 0; i < 5; i++) {
      reportId = await insertReport(t.store, {
        created_at: new Date(t.clock().getTime() - i * 60_000).toISOString(),
        description: 'Seit 9 Uhr kommen keine Anrufe an; der Trunk ist laut Telefonanlage registriert.',
      });
    }
    alertId = (await detectReportClusters({ ctx })).raised[0]!;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const [lang, width] of [
      ['de', 1280],
      ['en', 360],
    ] as const) {
      it(`has no serious violations and no sideways scrolling (${scheme}, ${lang}, ${width} px)`, async () => {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 800 } });
        await context.addCookies([{ name: 'dt_session', value: cookie, url: base }]);
        const page = await context.newPage();
        try {
          for (const path of [
            '/console/reports',
            `/console/reports/${reportId}`,
            `/console/reports/alerts/${alertId}/declare`,
          ]) {
            await page.goto(`${base}${path}?lang=${lang}`);
            expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
            const violations = await seriousAxeViolations(page);
            expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
            const overflow = Number(
              await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
            );
            expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
