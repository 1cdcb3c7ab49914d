import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optOutLink } from '#src/services/opt-out-link.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';

describe('opt-out link of affected customers', () => {
  let t: TestApp;
  let path = '';
  beforeAll(async () => {
    t = await buildTestApp();
    const link = await optOutLink(t.store.db, 'http://status.example.net', 'praxis@muster.example');
    path = new URL(link).pathname;
  });
  afterAll(() => t.close());
  const optedOut = async () =>
    (await t.store.db.selectFrom('contact_opt_outs').select('address').execute()).map((r) => r.address);

  it('asks first (a mail scanner opening the link changes nothing), then records the address once', async () => {
    const ask = await t.app.inject({ method: 'GET', url: path, headers: { 'accept-language': 'en' } });
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('Shall we stop telling praxis@muster.example about outages');
    expect(await optedOut()).toEqual([]);
    // One-click: no CSRF token, no cookie — the token in the URL is the credential.
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (let i = 0; i < 2; i++) {
      const done = await t.app.inject({
        method: 'POST',
        url: path,
        headers: form,
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(done.statusCode).toBe(200);
      expect(done.body).toContain('praxis@muster.example');
    }
    expect(await optedOut()).toEqual(['praxis@muster.example']);
  });

  it('answers 404 to a token that is not ours, without naming any address', async () => {
    const forged = `/opt-out/${Buffer.from('someone@else.example').toString('base64url')}.${'A'.repeat(32)}`;
    for (const method of ['GET', 'POST'] as const) {
      const r = await t.app.inject({
        method,
        url: forged,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: '',
      });
      expect(r.statusCode).toBe(404);
      expect(r.body).not.toContain('someone@else.example');
    }
    expect((await t.app.inject({ method: 'GET', url: '/opt-out/garbage' })).statusCode).toBe(404);
  });
});
