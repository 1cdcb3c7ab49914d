import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, signedInStaff, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(async () => t.close());

const form = (body: Record<string, string>) => new URLSearchParams(body).toString();

it('refuses a signed-in form without the session token, in the account language', async () => {
  const staff = await signedInStaff(t);
  const res = await t.app.inject({
    method: 'POST',
    url: '/console/logout',
    headers: {
      cookie: staff.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': 'en',
    },
    payload: form({ _csrf: 'forged' }),
  });
  expect(res.statusCode).toBe(403);
  expect(res.body).toContain('Das Formular ist abgelaufen');
  const ok = await t.app.inject({
    method: 'POST',
    url: '/console/logout',
    headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: staff.csrf }),
  });
  expect(ok.statusCode).toBe(303);
});

it('refuses an anonymous form whose token does not match its cookie', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/console/login',
    headers: { cookie: 'dt_csrf=abc', 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: 'xyz', email: 'a@example.net', password: 'x' }),
  });
  expect(res.statusCode).toBe(403);
});

it('lets someone whose session ran out sign out without a "form expired" page', async () => {
  const staff = await signedInStaff(t);
  t.clock.advance(2 * 3600_000);
  const res = await t.app.inject({
    method: 'POST',
    url: '/console/logout',
    headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ _csrf: staff.csrf }),
  });
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toContain('/console/login');
});

it('refuses text/plain posted with a session cookie and lets a same-origin JSON call through', async () => {
  const staff = await signedInStaff(t);
  const plain = await t.app.inject({
    method: 'POST',
    url: '/console/logout',
    headers: { cookie: staff.cookie, 'content-type': 'text/plain' },
    payload: 'x',
  });
  expect(plain.statusCode).toBe(403);
  const json = await t.app.inject({
    method: 'POST',
    url: '/console/logout',
    headers: { cookie: staff.cookie, 'content-type': 'application/json' },
    payload: '{}',
  });
  expect(json.statusCode).toBe(303);
});
