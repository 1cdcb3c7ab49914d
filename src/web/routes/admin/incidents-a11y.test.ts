import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStandardTemplates } from '#src/services/add-standard-templates.ts';
import { cliActor } from '#src/services/context.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../test/support/browser.ts';
import { seedMiniCatalog, testContext } from '../../../../test/support/factories.ts';

const skip = chromiumSkipReason();

describe.skipIf(skip !== null)(
  'console incident, maintenance and template pages in Chromium (axe-core)',
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;
    let session: string;
    let incidentId: string;
    let maintenanceId: string;

    beforeAll(async () => {
      t = await buildTestApp();
      await seedMiniCatalog(t.store);
      const ctx = testContext(t.store, t.clock, cliActor());
      await addStandardTemplates({ ctx, input: { locale: 'de' } });
      incidentId = (
        await declareIncident({
          ctx,
          input: {
            title: { de: 'Medienserver Cottbus gestört', en: 'Media server Cottbus impaired' },
            components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
            message: { de: 'Wir **untersuchen**.', en: 'We are investigating.' },
          },
        })
      ).id;
      await postIncidentUpdate({
        ctx,
        input: {
          incidentId,
          status: 'identified',
          visibility: 'internal',
          message: { de: 'Intern', en: '' },
        },
      });
      maintenanceId = (
        await scheduleMaintenance({
          ctx,
          input: {
            title: { de: 'SBC-Tausch', en: 'SBC replacement' },
            message: { de: 'Kurze Unterbrechungen.', en: 'Short interruptions.' },
            componentIds: ['sip-trunk'],
            scheduledStart: '2026-12-01T22:00:00.000Z',
            scheduledEnd: '2026-12-02T02:00:00.000Z',
          },
        })
      ).id;
      // The app checks the session against its own (fixed) clock, so it stays valid throughout.
      session = (await signedInStaff(t, 'operator')).cookie.slice('dt_session='.length);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    async function check(context: BrowserContext, paths: string[]) {
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${base}${path}`);
        const violations = await seriousAxeViolations(page);
        expect(violations, `${path}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      }
      return page;
    }

    for (const [lang, width] of [
      ['de', 1280],
      ['en', 360],
    ] as const) {
      it(`has no serious violations, also with errors shown (${lang}, ${width} px)`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 800 } });
        try {
          await context.addCookies([{ name: 'dt_session', value: session, url: base }]);
          const q = `?lang=${lang}`;
          const page = await check(
            context,
            [
              '/console/incidents',
              '/console/incidents/new',
              `/console/incidents/${incidentId}`,
              '/console/maintenance',
              '/console/maintenance/new',
              `/console/maintenance/${maintenanceId}`,
              '/console/templates',
              '/console/templates/new',
            ].map((p) => `${p}${q}`),
          );
          // Refused forms: the error summary and the per-field messages.
          for (const path of [
            '/console/incidents/new',
            '/console/maintenance/new',
            '/console/templates/new',
          ]) {
            await page.goto(`${base}${path}`);
            await page.click('form[method="post"] button.primary');
            expect(await page.locator('.error-summary').count(), path).toBe(1);
            expect(await page.locator('[aria-invalid="true"]').count(), path).toBeGreaterThan(0);
            expect(await seriousAxeViolations(page), path).toEqual([]);
          }
        } finally {
          await context.close();
        }
      });
    }
  },
);
