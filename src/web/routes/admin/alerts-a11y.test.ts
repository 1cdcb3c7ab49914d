import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRule } from '#src/domain/detectors/evaluate.ts';
import { defaultParams } from '#src/domain/detectors/rules.ts';
import { clearAlert } from '#src/services/clear-alert.ts';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { raiseAlert } from '#src/services/raise-alert.ts';
import { signIn } from '#src/services/sign-in.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../test/support/browser.ts';
import { seedMiniCatalog, testContext } from '../../../../test/support/factories.ts';
import { seeded, windowOf } from '../../../../test/support/telemetry-simulation.ts';

const skip = chromiumSkipReason();
const password = 'correct horse battery';

describe.skipIf(skip !== null)('alert pages in Chromium: axe-core, light and dark, phone', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let cookie: string;
  const paths: string[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
    await seedMiniCatalog(t.store);
    const ctx = testContext(t.store, t.clock, cliActor());
    await t.store.db
      .updateTable('components')
      .set({ alert_policy: 'auto' })
      .where('id', '=', 'fax')
      .execute();
    const now = t.clock().getTime();
    const rnd = seeded(3);
    const windows = Array.from({ length: 180 }, (_, i) => ({
      at: now - 1_800_000 + i * 10_000,
      counts: windowOf(30, i < 175 ? { 200: 9, 486: 1 } : { 200: 5, 503: 5 }, rnd),
    }));
    const e = evaluateRule(
      { id: 'default-503', kind: 'code-rate', params: defaultParams('code-rate') },
      { windows, hourly: [], now: now + 4_000 },
      false,
    );
    const raise = (componentId: string, ruleKey: string) =>
      raiseAlert({
        ctx,
        input: {
          componentId,
          source: 'telemetry',
          ruleKey,
          severity: 'critical',
          evidence: e.evidence,
          sourceName: { de: 'Carrier A', en: 'Carrier A' },
          timeZone: 'Europe/Berlin',
        },
      });
    const pending = await raise('sip-trunk', 'telemetry:default-503:a');
    const auto = await raise('fax', 'telemetry:default-503:b');
    await clearAlert({ ctx, input: { ruleKey: 'telemetry:default-503:b' } });
    paths.push(
      '/console/alerts',
      `/console/alerts/${pending.id}`,
      `/console/incidents/${auto.incidentId}`,
      '/console',
    );
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
            await page.goto(`${base}${path}?lang=${lang}`);
            expect(await page.getAttribute('html', 'lang'), path).toBe(lang);
            const violations = await seriousAxeViolations(page);
            expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
            const overflow = Number(
              await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
            );
            expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
          }
          // The chart is drawn (SVG with a line) and styled by the console stylesheet (CSP allows it).
          await page.goto(`${base}${paths[1]}?lang=${lang}`);
          expect(await page.locator('svg path.chart-line').count()).toBe(1);
          expect(
            await page.evaluate('getComputedStyle(document.querySelector("path.chart-line")).fill'),
          ).toBe('none');
        } finally {
          await context.close();
        }
      });
    }
  }
});
