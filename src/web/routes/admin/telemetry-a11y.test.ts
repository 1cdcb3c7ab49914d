import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInvite, countInviteFinal, emptyCounts } from '#src/domain/kpi.ts';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { recordTelemetryWindows } from '#src/services/record-telemetry-windows.ts';
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

describe.skipIf(skip !== null)('telemetry pages in Chromium: axe-core, light and dark, phone', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let cookie: string;
  const paths = [
    '/console/telemetry',
    '/console/telemetry/carrier-a',
    '/console/telemetry/carrier-a?hours=24',
  ];

  beforeAll(async () => {
    t = await buildTestApp();
    await seedMiniCatalog(t.store);
    const ctx = testContext(t.store, t.clock, cliActor());
    await t.store.db
      .insertInto('telemetry_peers')
      .values({
        id: 'carrier-a',
        component_id: 'sip-trunk',
        name_de: 'Carrier A',
        name_en: 'Carrier A',
        match: '2001:db8:100::/48',
        port: 5060,
        position: 0,
      })
      .execute();
    // An hour of windows: mostly answered, a stretch of 503s.
    const now = t.clock().getTime();
    const windows = Array.from({ length: 360 }, (_, i) => {
      const c = emptyCounts();
      const codes = i > 300 ? [200, 503, 503, 486, 404] : [200, 200, 200, 486, 480, 487];
      for (const code of codes) {
        countInvite(c);
        countInviteFinal(c, code, code !== 503);
      }
      c.pdd_sum_ms = 1800;
      c.pdd_count = codes.length;
      return { peerId: 'carrier-a', startedAt: new Date(now - 3_600_000 + i * 10_000), counts: c };
    });
    await recordTelemetryWindows({ ctx, input: { windows } });
    await createUser({ ctx, input: { email: 'op@example.net', role: 'operator', password } });
    cookie = (
      await signIn({ ctx, input: { email: 'op@example.net', password, sessionHours: 24 * 365 * 10 } })
    ).cookie;
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
        try {
          const page = await context.newPage();
          for (const path of paths) {
            await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
            expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
            const violations = await seriousAxeViolations(page);
            expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
            const overflow = Number(
              await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
            );
            expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          }
          // Four charts with their lines drawn (attempts 2, ratios 3, PDD 1, codes ≥ 1).
          await page.goto(`${base}${paths[1]}?lang=${lang}`);
          expect(await page.locator('figure.chart svg').count()).toBe(4);
          expect(await page.locator('svg path.chart-line').count()).toBeGreaterThanOrEqual(7);
        } finally {
          await context.close();
        }
      });
    }
  }
});
