import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { recordProbeResult } from '#src/services/record-probe-result.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { testClock, testContext } from '../../../../test/support/factories.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

let t: TestApp;
let operator: { cookie: string; csrf: string };
let admin: { cookie: string; csrf: string };

beforeAll(async () => {
  t = await buildTestApp({ clock: testClock('2026-11-22T04:00:00.000Z') });
  const parsed = parseCatalogFile(`
components:
  - {id: sbc, name: {de: SBC <Frankfurt>, en: SBC Frankfurt}}
  - {id: billing, name: Billing}
monitors:
  - {id: sbc-tcp, component: sbc, kind: tcp, name: {de: SBC TCP, en: SBC TCP}, target: "127.0.0.1:5061"}
  - {id: billing-run, component: billing, kind: heartbeat, name: Abrechnung, settings: {periodSeconds: 86400}}
`);
  if (!parsed.ok) throw new Error('catalog');
  const ctx = testContext(t.store, t.clock);
  await applyCatalog({ ctx, input: { document: parsed.document } });
  for (const [i, outcome] of (['up', 'up', 'down', 'down'] as const).entries()) {
    t.clock.advance(15_000);
    await recordProbeResult({
      ctx,
      input: {
        monitorId: 'sbc-tcp',
        result: { outcome, rttMs: 10 + i, detail: outcome === 'up' ? 'connected' : '<ECONNREFUSED>' },
      },
    });
  }
  operator = await signedInStaff(t, 'operator');
  admin = await signedInStaff(t, 'admin');
});
afterAll(() => t.close());

const get = (url: string, who = operator) =>
  t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const post = (url: string, who = operator, csrf = who.csrf) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...formHeaders, cookie: who.cookie },
    payload: form({ _csrf: csrf }),
  });

describe('console monitors', () => {
  it('lists monitors with state and last answer, escaped, for operators only', async () => {
    expect((await t.app.inject('/console/monitors')).statusCode).toBe(303);
    const page = await get('/console/monitors');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('SBC &#60;Frankfurt&#62;');
    expect(page.body).toContain('gestört');
    expect(page.body).toContain('&#60;ECONNREFUSED&#62;');
    expect(page.body).toContain('href="/console/monitors/billing-run"');
  });

  it('shows a monitor with its response-time chart and recent checks; unknown ones are 404', async () => {
    const page = await get('/console/monitors/sbc-tcp?hours=1');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('11 ms');
    expect((await get('/console/monitors/nope')).statusCode).toBe(404);
    const heartbeat = await get('/console/monitors/billing-run');
    expect(heartbeat.body).toContain('erwartet alle 24h, gestört nach weiteren 5m ohne Aufruf');
  });

  it('pauses and resumes with CSRF; a second pause says it changed meanwhile', async () => {
    expect((await post('/console/monitors/sbc-tcp/pause', operator, 'wrong')).statusCode).toBe(403);
    const paused = await post('/console/monitors/sbc-tcp/pause');
    expect(paused.headers.location).toBe('/console/monitors/sbc-tcp?notice=paused');
    expect((await post('/console/monitors/sbc-tcp/pause')).headers.location).toBe(
      '/console/monitors/sbc-tcp?notice=unchanged',
    );
    expect((await get('/console/monitors/sbc-tcp?notice=paused')).body).toContain(
      'Der Monitor ist pausiert.',
    );
    expect((await post('/console/monitors/sbc-tcp/resume')).headers.location).toBe(
      '/console/monitors/sbc-tcp?notice=resumed',
    );
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', 'sbc-tcp')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['monitor.pause', 'monitor.resume']);
  });

  it('lets only admins create a heartbeat URL, shows it once, and it works', async () => {
    expect((await post('/console/monitors/billing-run/heartbeat-url')).statusCode).toBe(403);
    const created = await post('/console/monitors/billing-run/heartbeat-url', admin);
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const url = /http:\/\/status\.example\.net\/api\/v1\/heartbeat\/(dthb_[A-Za-z0-9_-]+)/.exec(created.body);
    expect(url).not.toBeNull();
    const again = await get('/console/monitors/billing-run', admin);
    expect(again.body).not.toContain(url![1]!);
    expect(again.body).toContain('Neue Heartbeat-Adresse erzeugen');
    expect((await t.app.inject(`/api/v1/heartbeat/${url![1]}`)).statusCode).toBe(200);
  });
});
