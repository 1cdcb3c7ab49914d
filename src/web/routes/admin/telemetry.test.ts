import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInvite, countInviteFinal, emptyCounts } from '#src/domain/kpi.ts';
import { recordTelemetryWindows } from '#src/services/record-telemetry-windows.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog, testClock, testContext } from '../../../../test/support/factories.ts';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await buildTestApp({ clock: testClock('2026-11-22T04:30:05.000Z') });
  await seedMiniCatalog(t.store);
  await t.store.db
    .insertInto('telemetry_peers')
    .values([
      {
        id: 'carrier-a',
        component_id: 'sip-trunk',
        name_de: 'Carrier A <DE>',
        name_en: 'Carrier A',
        match: '192.0.2.0/24',
        port: null,
        position: 0,
      },
      {
        id: 'sbc',
        component_id: 'sip-trunk',
        name_de: 'SBC',
        name_en: 'SBC',
        match: '2001:db8::1',
        port: 5061,
        position: 1,
      },
    ])
    .execute();
  const c = emptyCounts();
  for (const code of [200, 200, 200, 503, 486, 404]) {
    countInvite(c);
    countInviteFinal(c, code, false);
  }
  const ctx = testContext(t.store, t.clock);
  await recordTelemetryWindows({
    ctx,
    input: { windows: [{ peerId: 'carrier-a', startedAt: new Date('2026-11-22T04:20:00.000Z'), counts: c }] },
  });
  cookie = (await signedInStaff(t, 'operator')).cookie;
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = { cookie }) =>
  t.app.inject({ method: 'GET', url, headers });

describe('console telemetry', () => {
  it('needs a signed-in staff member', async () => {
    const res = await get('/console/telemetry', {});
    expect([302, 303, 401]).toContain(res.statusCode);
  });

  it('lists peers with the last hour, names escaped, in the reader’s language', async () => {
    const res = await get('/console/telemetry');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Telemetrie der Gegenstellen');
    expect(res.body).toContain('Carrier A &#60;DE&#62;');
    expect(res.body).toContain('href="/console/telemetry/carrier-a"');
    // 3 of 6 answered, 1 of 6 ISA (503)
    expect(res.body).toContain('50,0');
    expect(res.body).toContain('16,7');
    expect(res.body).toContain('2001:db8::1 :5061');
    const en = await get('/console/telemetry?lang=en');
    expect(en.statusCode).toBe(200);
  });

  it('shows a peer’s charts and codes over the chosen span', async () => {
    const res = await get('/console/telemetry/carrier-a?hours=1');
    expect(res.statusCode).toBe(200);
    for (const id of ['chart-attempts', 'chart-ratios', 'chart-pdd', 'chart-codes'])
      expect(res.body).toContain(`id="${id}"`);
    expect(res.body).toContain('<svg');
    expect(res.body).toMatch(/<th scope="row">503<\/th><td class="num">1<\/td>/);
    expect(res.body).toContain('aria-current="true">1 h');
    const odd = await get('/console/telemetry/carrier-a?hours=7');
    expect(odd.body).toContain('aria-current="true">6 h');
  });

  it('answers 404 for an unknown peer', async () => {
    const res = await get('/console/telemetry/nope');
    expect(res.statusCode).toBe(404);
  });
});
