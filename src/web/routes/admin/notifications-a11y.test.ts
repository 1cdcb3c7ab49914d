/**
 * The delivery log and a message page in Chromium: axe-core finds no serious violation, light and
 * dark, desktop and phone width, no sideways scrolling; an admin sends a dead letter again by
 * clicking.
 */
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { signIn } from '#src/services/sign-in.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import {
  chromiumSkipReason,
  launchChromium,
  seriousAxeViolations,
} from '../../../../test/support/browser.ts';
import { testContext } from '../../../../test/support/factories.ts';

const skip = chromiumSkipReason();
const password = 'correct horse battery';
const longText = `Neuigkeiten zur Störung\n\nAktueller Stand: https://status.example.net/incidents/${'x'.repeat(120)}`;

describe.skipIf(skip !== null)('delivery log in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    t = await buildTestApp();
    const ctx = testContext(t.store, t.clock, cliActor());
    await createUser({ ctx, input: { email: 'admin@example.net', role: 'admin', password } });
    cookie = (
      await signIn({ ctx, input: { email: 'admin@example.net', password, sessionHours: 24 * 365 * 10 } })
    ).cookie;
    const row = (id: string, state: string, body: string) => ({
      id,
      idempotency_key: `incident.updated:01kincidentidentifier:01kupdateidentifier:email:${id}`,
      event: 'incident.updated',
      kind: 'email',
      recipient: `a-rather-long-mailbox-name-${id}@customer-of-the-provider.example.net`,
      subscriber_id: null,
      operator_channel_id: null,
      report_id: null,
      subject_id: null,
      locale: 'de',
      subject: 'Neuigkeiten zur Störung: Eingehende Anrufe in Cottbus und Umgebung gestört',
      body_text: body,
      body_html: null,
      payload: '{}',
      headers: '{}',
      state,
      attempts: 1,
      attempt_limit: null,
      next_attempt_at: '2026-11-20T10:00:00.000Z',
      claimed_by: null,
      claimed_until: null,
      last_error: state === 'dead' ? 'EENVELOPE: 550 5.1.1 <mailbox> unknown' : null,
      created_at: '2026-11-20T09:00:00.000Z',
      sent_at: state === 'sent' ? '2026-11-20T09:00:01.000Z' : null,
    });
    await t.store.db
      .insertInto('notifications')
      .values([row('n1', 'sent', longText), row('n2', 'dead', '')])
      .execute();
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
            '/console/notifications',
            '/console/notifications/n1',
            '/console/notifications/n2',
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

  it('sends a dead letter again when an admin clicks', async () => {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'dt_session', value: cookie, url: base }]);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/console/notifications/n2?lang=en`);
      await page.click('text=Send again');
      // After the redirect the account's language (de) holds again.
      expect(await page.locator('.notice').textContent()).toBe('Die Nachricht wird erneut gesendet.');
      const row = await t.store.db
        .selectFrom('notifications')
        .select('state')
        .where('id', '=', 'n2')
        .executeTakeFirst();
      expect(row?.state).toBe('pending');
    } finally {
      await context.close();
    }
  });
});
