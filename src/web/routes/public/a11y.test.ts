import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../test/support/browser.ts';
import { testContext } from '../../../../test/support/factories.ts';
import { seedLargePage } from './test-fixtures.ts';

const skip = chromiumSkipReason();

describe.skipIf(skip !== null)('public pages in Chromium: axe-core and a 360 px phone', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    const ctx = testContext(t.store, t.clock);
    const seeded = await seedLargePage(t.store, ctx);
    t.clock.advance(2 * 3600_000);
    await resolveIncident({
      ctx,
      input: { incidentId: seeded.incidentIds[0]!, message: { de: 'Behoben.', en: 'Resolved.' } },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    Object.assign(pages, {
      status: '/',
      incident: `/incidents/${seeded.incidentIds[0]}`,
      history: '/history',
      maintenanceList: '/maintenance',
      maintenance: `/maintenance/${seeded.maintenanceId}`,
      notFound: '/incidents/unknown',
      badPage: '/history?page=x',
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['de', 'en']) {
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
            // The stylesheet really applied (CSP allows it): the ribbon is laid out as a flex row.
            if (name === 'status') {
              expect(await page.evaluate("getComputedStyle(document.querySelector('.u')).display")).toBe(
                'flex',
              );
            }
            const violations = await seriousAxeViolations(page);
            expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
            // A string, not a function: the tests compile without the DOM library.
            const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
            expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
