import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetBody } from '#src/web/assets.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';
import { seedLargePage } from './test-fixtures.ts';

/** The budget from the requirements: status page HTML plus its stylesheet under 50 KB. */
const budgetBytes = 50 * 1024;

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedLargePage(t.store, testContext(t.store, t.clock));
  // Let the open incidents run a while, so today's bars carry downtime too.
  t.clock.advance(3 * 3600_000);
});
afterAll(() => t.close());

describe('status page weight', () => {
  it.each(['de', 'en'])(
    'stays under 50 KB with 40 components, 3 incidents and 90 days of history (%s)',
    async (lang) => {
      const res = await t.app.inject({ url: '/', headers: { 'accept-language': lang } });
      expect(res.statusCode).toBe(200);
      // Everything the page is about is really there: the budget is not met by leaving things out.
      expect(res.body.match(/<ol class="u"/g)).toHaveLength(40);
      expect(res.body.match(/<article class="card">/g)).toHaveLength(4);
      expect(res.body).toContain(
        lang === 'de' ? 'Störung 3: eingehende Anrufe gestört' : 'Incident 3: incoming calls failing',
      );
      const css = assetBody('style.css');
      expect(css).toBeDefined();
      const total = Buffer.byteLength(res.body) + css!.length;
      console.info(`status page (${lang}): ${Buffer.byteLength(res.body)} B HTML + ${css!.length} B CSS`);
      expect(total).toBeLessThan(budgetBytes);
    },
  );
});
