import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { recordProbeResult } from '#src/services/record-probe-result.ts';
import { signIn } from '#src/services/sign-in.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../test/support/browser.ts';
import { testClock, testContext } from '../../../../test/support/factories.ts';

const skip = chromiumSkipReason();
const password = 'correct horse battery';

describe.skipIf(skip !== null)('console monitor pages in Chromium: axe-core, light and dark, phone', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    t = await buildTestApp({ clock: testClock(new Date(Date.now() - 3_600_000).toISOString()) });
    const parsed = parseCatalogFile(`
components:
  - {id: sbc, name: {de: Session Border Controller Frankfurt, en: Session border controller Frankfurt}}
  - {id: billing, name: Billing}
monitors:
  - {id: sbc-options, component: sbc, kind: sip-options, name: {de: SBC antwortet auf OPTIONS, en: SBC answers OPTIONS}, target: "sips:sbc-fra.example.net:5061;transport=tls"}
  - {id: billing-run, component: billing, kind: heartbeat, name: Abrechnungslauf, settings: {periodSeconds: 86400}}
`);
    if (!parsed.ok) throw new Error('catalog');
    const ctx = testContext(t.store, t.clock, cliActor());
    await applyCatalog({ ctx, input: { document: parsed.document } });
    for (let i = 0; i < 200; i++) {
      t.clock.advance(15_000);
      const outcome = i % 37 === 0 ? 'down' : i % 53 === 0 ? 'overloaded' : 'up';
      await recordProbeResult({
        ctx,
        input: {
          monitorId: 'sbc-options',
          result: {
            outcome,
            rttMs: 20 + (i % 17),
            code: outcome === 'overloaded' ? 503 : 200,
            detail: '200 OK',
          },
        },
      });
    }
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
          await context.addCookies([{ name: 'dt_session', value: cookie, url: base }]);
          const page = await context.newPage();
          for (const path of [
            '/console/monitors',
            '/console/monitors/sbc-options?hours=1',
            '/console/monitors/billing-run',
          ]) {
            await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
            expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
            const violations = await seriousAxeViolations(page);
            expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
            const overflow = Number(
              await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
            );
            expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          }
          // The heartbeat URL shown once fits a phone screen too.
          await page.goto(`${base}/console/monitors/billing-run?lang=${lang}`);
          await page.click('form[action$="/heartbeat-url"] button');
          expect(await page.locator('code.secret').count()).toBe(1);
          expect(await seriousAxeViolations(page)).toEqual([]);
          const overflow = Number(
            await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
          );
          expect(overflow, 'heartbeat URL page scrolls sideways').toBeLessThanOrEqual(0);
        } finally {
          await context.close();
        }
      });
    }
  }
});
