import { afterEach, beforeEach, expect, it } from 'vitest';
import { authenticateApiToken } from '#src/services/authenticate-api-token.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
let admin: { cookie: string; csrf: string };
beforeEach(async () => {
  t = await buildTestApp();
  admin = await signedInStaff(t, 'admin');
});
afterEach(() => t.close());

const form = (url: string, fields: Record<string, string>, who = admin) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

it('creates a token and shows its secret once, then lists it and revokes it', async () => {
  const empty = await t.app.inject({ url: '/console/tokens', headers: { cookie: admin.cookie } });
  expect(empty.statusCode).toBe(200);
  expect(empty.body).toContain('Noch keine Tokens.');
  expect(empty.body).toContain(`name="_csrf" value="${admin.csrf}"`);

  const created = await form('/console/tokens', { _csrf: admin.csrf, name: 'monitoring', role: 'operator' });
  expect(created.statusCode).toBe(201);
  expect(created.headers['cache-control']).toBe('no-store');
  const secret = /value="(dt_[A-Za-z0-9_-]+)"/.exec(created.body)?.[1];
  expect(secret).toBeDefined();
  expect(await authenticateApiToken(t.store.db, secret!, t.clock())).toMatchObject({ role: 'operator' });
  expect(created.body).toContain('Token „monitoring“ angelegt');

  const list = await t.app.inject({ url: '/console/tokens', headers: { cookie: admin.cookie } });
  expect(list.body).toContain('<td>monitoring</td><td>operator</td>');
  expect(list.body).not.toContain(secret!);

  const { id } = await t.store.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow();
  const revoked = await form(`/console/tokens/${id}/revoke`, { _csrf: admin.csrf });
  expect(revoked.statusCode).toBe(303);
  expect(revoked.headers.location).toBe('/console/tokens?notice=revoked');
  const after = await t.app.inject({
    url: '/console/tokens?notice=revoked',
    headers: { cookie: admin.cookie },
  });
  expect(after.body).toContain('Token widerrufen.');
  expect(after.body).toContain('widerrufen am');
  expect(await authenticateApiToken(t.store.db, secret!, t.clock())).toBeNull();

  const again = await form(`/console/tokens/${id}/revoke`, { _csrf: admin.csrf });
  expect(again.statusCode).toBe(409);
  expect(again.body).toContain('Der Token „monitoring“ ist bereits widerrufen.');
});

it('keeps the input and names the field when the form is refused', async () => {
  const res = await form('/console/tokens?lang=en', { _csrf: admin.csrf, name: 'bad<name>', role: 'admin' });
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('value="bad&#60;name&#62;"');
  expect(res.body).toContain('Only letters, digits, space, dot, underscore and hyphen');
  expect(res.body).toContain('<option value="admin" selected>');
  expect(await t.store.db.selectFrom('api_tokens').select('id').execute()).toHaveLength(0);
});

it('is for admins only and needs the CSRF token', async () => {
  const operator = await signedInStaff(t, 'operator');
  expect(
    (await t.app.inject({ url: '/console/tokens', headers: { cookie: operator.cookie } })).statusCode,
  ).toBe(403);
  const byOperator = await form(
    '/console/tokens',
    { _csrf: operator.csrf, name: 'x', role: 'admin' },
    operator,
  );
  expect(byOperator.statusCode).toBe(403);
  const anonymous = await t.app.inject({ url: '/console/tokens' });
  expect(anonymous.statusCode).toBe(303);
  expect((await form('/console/tokens', { name: 'x', role: 'admin' })).statusCode).toBe(403);
  expect(await t.store.db.selectFrom('api_tokens').select('id').execute()).toHaveLength(0);
});
