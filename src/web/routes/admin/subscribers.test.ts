import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  const row = (id: string, address: string, state: 'pending' | 'confirmed') => ({
    id,
    kind: 'email' as const,
    address,
    state,
    locale: 'de' as const,
    scope: 'all' as const,
    confirm_failures: 0,
    created_at: '2026-11-20T00:00:00.000Z',
    updated_at: '2026-11-20T00:00:00.000Z',
  });
  await t.store.db
    .insertInto('subscribers')
    .values([row('s1', 'anna@example.net', 'confirmed'), row('s2', '<b>x</b>@example.net', 'pending')])
    .execute();
});
afterEach(() => t.close());

it('shows counts and finds by address (escaped), removes with an audit row; the status page never lists them', async () => {
  const op = await signedInStaff(t, 'operator');
  const page = await t.app.inject({
    url: '/console/subscribers?q=example',
    headers: { cookie: op.cookie, 'accept-language': 'en' },
  });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('anna@example.net');
  expect(page.body).toContain('&#60;b&#62;x&#60;/b&#62;@example.net');
  expect(page.body).not.toContain('<b>x</b>');
  const removed = await t.app.inject({
    method: 'POST',
    url: '/console/subscribers/s1/remove',
    headers: { cookie: op.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${op.csrf}`,
  });
  expect(removed.statusCode).toBe(303);
  const after = await t.app.inject({ url: '/console/subscribers?q=anna', headers: { cookie: op.cookie } });
  expect(after.body).not.toContain('anna@example.net');
  expect(
    await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'subscriber.removed')
      .execute(),
  ).toHaveLength(1);

  for (const url of ['/', '/subscribe']) {
    expect((await t.app.inject({ url })).body).not.toContain('example.net');
  }
  expect((await t.app.inject({ url: '/console/subscribers' })).statusCode).not.toBe(200);
});
