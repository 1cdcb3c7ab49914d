import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { listMonitors } from '#src/services/list-monitors.ts';
import { rotateHeartbeatToken } from '#src/services/rotate-heartbeat-token.ts';
import { apiToken, buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { testContext } from '../../../../../test/support/factories.ts';

describe('GET|POST /api/v1/heartbeat/:token', () => {
  let t: TestApp;
  let token = '';
  beforeAll(async () => {
    t = await buildTestApp();
    const parsed = parseCatalogFile(`
components:
  - {id: billing, name: Billing}
monitors:
  - {id: billing-run, component: billing, kind: heartbeat, name: Abrechnung, settings: {periodSeconds: 86400}}
`);
    if (!parsed.ok) throw new Error('catalog');
    const ctx = testContext(t.store, t.clock);
    await applyCatalog({ ctx, input: { document: parsed.document } });
    ({ token } = await rotateHeartbeatToken({ ctx, input: { monitorId: 'billing-run' } }));
  });
  afterAll(() => t.close());

  it('records a ping by GET and by POST without a body', async () => {
    const get = await t.app.inject(`/api/v1/heartbeat/${token}`);
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual({ status: 'ok' });
    expect(get.headers['cache-control']).toBe('no-store');
    t.clock.advance(60_000);
    const post = await t.app.inject({ method: 'POST', url: `/api/v1/heartbeat/${token}` });
    expect(post.statusCode).toBe(200);
    const [m] = await listMonitors(t.store.db);
    expect(m).toMatchObject({ state: 'up', lastCheckedAt: t.clock().toISOString() });
  });

  it('answers 404 without telling more for unknown or malformed tokens', async () => {
    const unknown = await t.app.inject('/api/v1/heartbeat/dthb_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
    expect(JSON.stringify(unknown.json())).not.toContain('billing');
    const german = await t.app.inject({
      url: '/api/v1/heartbeat/dthb_nope12345',
      headers: { 'accept-language': 'de' },
    });
    expect(german.json().error.message).toBe('Unter dieser Adresse gibt es keinen Heartbeat.');
    const malformed = await t.app.inject('/api/v1/heartbeat/a%20b');
    expect(malformed.statusCode).toBe(400);
  });

  it('is listed in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths['/heartbeat/{token}'])).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/monitors'])).toEqual(['get']);
  });

  it('GET /api/v1/monitors lists states for operators, never settings', async () => {
    expect((await t.app.inject('/api/v1/monitors')).statusCode).toBe(401);
    const token = await apiToken(t, 'operator');
    const r = await t.app.inject({ url: '/api/v1/monitors', headers: { authorization: token } });
    expect(r.statusCode).toBe(200);
    expect(r.json().monitors).toEqual([
      {
        id: 'billing-run',
        component_id: 'billing',
        kind: 'heartbeat',
        name: { de: 'Abrechnung', en: 'Abrechnung' },
        target: '',
        enabled: true,
        paused: false,
        state: 'up',
        since: '2026-11-20T10:00:00.000Z',
        last_checked_at: '2026-11-20T10:01:00.000Z',
        last_rtt_ms: 0,
        last_code: null,
        last_detail: 'ping',
      },
    ]);
  });
});
