import { afterEach, beforeEach, expect, it } from 'vitest';
import { apiToken, buildTestApp, type TestApp } from '../../../../../test/support/app.ts';

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await buildTestApp();
  admin = await apiToken(t, 'admin');
});
afterEach(() => t.close());

const call = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { authorization, 'accept-language': 'en' },
    ...(payload ? { payload } : {}),
  });

it('lets an admin token create a token (secret once), list tokens without secrets and revoke one', async () => {
  const created = await call('POST', '/api/v1/tokens', admin, { name: 'ticketing', role: 'operator' });
  expect(created.statusCode).toBe(201);
  expect(created.headers['cache-control']).toBe('no-store');
  const { token, id } = created.json();
  expect(created.json()).toMatchObject({
    name: 'ticketing',
    role: 'operator',
    last_used_at: null,
    revoked_at: null,
  });
  expect(token).toMatch(/^dt_/);

  expect((await call('GET', '/api/v1/components', `Bearer ${token}`)).statusCode).toBe(200);
  const list = await call('GET', '/api/v1/tokens', admin);
  expect(list.body).not.toContain(token);
  expect(list.json().tokens.map((k: { name: string }) => k.name)).toContain('ticketing');

  const revoked = await call('POST', `/api/v1/tokens/${id}/revoke`, admin);
  expect(revoked.statusCode).toBe(200);
  expect(revoked.json()).toMatchObject({ id, revoked_at: '2026-11-20T10:00:00.000Z' });
  expect((await call('GET', '/api/v1/components', `Bearer ${token}`)).statusCode).toBe(401);

  const again = await call('POST', `/api/v1/tokens/${id}/revoke`, admin);
  expect(again.statusCode).toBe(409);
  expect(again.json().error.message).toBe('The token "ticketing" is already revoked.');
  expect((await call('POST', '/api/v1/tokens/nope/revoke', admin)).statusCode).toBe(404);
});

it('refuses a duplicate or malformed name per field', async () => {
  await call('POST', '/api/v1/tokens', admin, { name: 'pbx', role: 'operator' });
  const dup = await call('POST', '/api/v1/tokens', admin, { name: 'pbx', role: 'admin' });
  expect(dup.statusCode).toBe(400);
  expect(dup.json().error.fields).toEqual([
    { path: 'name', message: 'An active token is already named "pbx".' },
  ]);
  const bad = await call('POST', '/api/v1/tokens', admin, { name: '', role: 'root' });
  expect(bad.json().error.fields).toEqual([
    { path: 'name', message: 'Required.' },
    { path: 'role', message: 'Invalid value "root". Allowed: admin, operator.' },
  ]);
});

it('keeps token management from operator tokens', async () => {
  const operator = await apiToken(t, 'operator');
  for (const [method, url] of [
    ['GET', '/api/v1/tokens'],
    ['POST', '/api/v1/tokens'],
    ['POST', '/api/v1/tokens/x/revoke'],
  ] as const) {
    const res = await call(
      method,
      url,
      operator,
      method === 'POST' ? { name: 'x', role: 'admin' } : undefined,
    );
    expect(res.statusCode, url).toBe(403);
  }
  expect(await t.store.db.selectFrom('api_tokens').select('name').where('name', '=', 'x').execute()).toEqual(
    [],
  );
});
