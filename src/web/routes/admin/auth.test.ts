import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { issueSetupToken } from '#src/services/issue-setup-token.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const password = 'correct horse battery';

/** Opens the sign-in page like a browser: returns the anonymous CSRF cookie and token. */
async function loginForm(t: TestApp, path = '/console/login') {
  const res = await t.app.inject({ method: 'GET', url: path });
  const cookie = res.cookies.find((c) => c.name === 'dt_csrf')!;
  const token = /name="_csrf" value="([^"]+)"/.exec(res.body)![1]!;
  return { res, cookie: `dt_csrf=${cookie.value}`, token };
}

async function postLogin(
  t: TestApp,
  fields: Record<string, string>,
  extraHeaders: Record<string, string> = {},
) {
  const { cookie, token } = await loginForm(t);
  return t.app.inject({
    method: 'POST',
    url: '/console/login',
    headers: { ...formHeaders, cookie, ...extraHeaders },
    payload: form({ _csrf: token, ...fields }),
  });
}

const sessionOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'dt_session');

describe('console sign-in and sign-out', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
    const ctx = testContext(t.store, t.clock, cliActor());
    await createUser({ ctx, input: { email: 'ops@example.net', role: 'operator', password, locale: 'en' } });
    t.clock.advance(1000);
  });
  afterEach(async () => t.close());

  it('sends people without a session to sign in, and back afterwards', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/console/audit?page=2' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/login?next=%2Fconsole%2Faudit%3Fpage%3D2');
    const page = await loginForm(t, res.headers.location as string);
    // ghtml escapes `=` in attribute values too; the browser reads it back as `page=2`.
    expect(page.res.body).toContain('name="next" value="/console/audit?page&#61;2"');
  });

  it('signs in with a hardened session cookie and lands on the requested page', async () => {
    const res = await postLogin(t, { email: 'OPS@example.net', password, next: '/console/audit?page=1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/audit?page=1');
    const session = sessionOf(res)!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.secure).toBeFalsy();
    expect(new Date(session.expires!).toISOString()).toBe('2026-11-20T22:00:01.000Z');
    const page = await t.app.inject({
      method: 'GET',
      url: '/console',
      headers: { cookie: `dt_session=${session.value}` },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ops@example.net');
  });

  it('marks the cookie Secure over TLS behind a trusted proxy', async () => {
    const proxied = await buildTestApp({ env: { DIALTONE_TRUST_PROXY: 'true' } });
    try {
      const ctx = testContext(proxied.store, proxied.clock, cliActor());
      await createUser({ ctx, input: { email: 'a@example.net', role: 'admin', password } });
      const res = await postLogin(
        proxied,
        { email: 'a@example.net', password },
        { 'x-forwarded-proto': 'https' },
      );
      expect(sessionOf(res)?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('gives the same answer for a wrong password and an unknown email, keeping the email', async () => {
    const wrong = await postLogin(t, { email: 'ops@example.net', password: 'not the password' });
    const unknown = await postLogin(t, { email: 'nobody@example.net', password });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(sessionOf(res)).toBeUndefined();
      expect(res.body).toContain('E-Mail-Adresse oder Passwort ist falsch.');
    }
    expect(wrong.body).toContain('value="ops@example.net"');
    expect(wrong.body).not.toContain('not the password');
  });

  it('names each missing field', async () => {
    const res = await postLogin(t, { email: '', password: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<a href="#f-email">E-Mail-Adresse<\/a>: Pflichtfeld\./);
    expect(res.body).toMatch(/<a href="#f-password">Passwort<\/a>: Pflichtfeld\./);
  });

  it('refuses a form without its CSRF token', async () => {
    const { cookie } = await loginForm(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { ...formHeaders, cookie },
      payload: form({ email: 'ops@example.net', password }),
    });
    expect(res.statusCode).toBe(403);
    expect(sessionOf(res)).toBeUndefined();
  });

  it.each([
    ['//evil.example/x', '/console'],
    ['https://evil.example/', '/console'],
    ['/\\evil.example', '/console'],
    ['javascript:alert(1)', '/console'],
    ['/console/users?x=1#top', '/console/users?x=1#top'],
  ])('redirects next=%s to %s only', async (next, expected) => {
    const res = await postLogin(t, { email: 'ops@example.net', password, next });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(expected);
  });

  it('limits sign-in attempts to ten a minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await postLogin(t, { email: 'x@example.net', password: 'wrong' })).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes[10]).toBe(429);
  });

  it('signs out: the session row is gone and the cookie is worthless', async () => {
    const session = sessionOf(await postLogin(t, { email: 'ops@example.net', password }))!;
    const cookie = `dt_session=${session.value}`;
    const page = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const out = await t.app.inject({
      method: 'POST',
      url: '/console/logout',
      headers: { ...formHeaders, cookie },
      payload: form({ _csrf: csrf }),
    });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/console/login?notice=signedOut');
    expect(sessionOf(out)?.value).toBe('');
    expect(await t.store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
    const after = await t.app.inject({ method: 'GET', url: '/console', headers: { cookie } });
    expect(after.statusCode).toBe(303);
    const actions = await t.store.db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.sign_in', 'user.sign_out']);
  });

  it("uses the account's language in the console unless ?lang= asks otherwise", async () => {
    const cookie = `dt_session=${sessionOf(await postLogin(t, { email: 'ops@example.net', password }))!.value}`;
    const headers = { cookie, 'accept-language': 'de' };
    const en = await t.app.inject({ method: 'GET', url: '/console', headers });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Declare incident');
    const de = await t.app.inject({ method: 'GET', url: '/console?lang=de', headers });
    expect(de.body).toContain('<html lang="de">');
    expect(de.body).toContain('Störung eröffnen');
  });

  it('shows a known notice and ignores anything else in ?notice=', async () => {
    const known = await t.app.inject({ method: 'GET', url: '/console/login?notice=signedOut' });
    expect(known.body).toContain('<p class="notice" role="status">Sie sind abgemeldet.</p>');
    const other = await t.app.inject({ method: 'GET', url: '/console/login?notice=%3Cb%3Ehi' });
    expect(other.body).not.toContain('class="notice"');
    expect(other.body).not.toContain('<b>hi');
  });
});

describe('first-admin setup', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(async () => t.close());

  const setupPost = async (token: string, fields: Record<string, string>) => {
    // The sign-in page hands out the same anonymous CSRF token (the setup page may be gone).
    const { cookie, token: csrf } = await loginForm(t);
    return t.app.inject({
      method: 'POST',
      url: '/console/setup',
      headers: { ...formHeaders, cookie },
      payload: form({ _csrf: csrf, token, ...fields }),
    });
  };

  it('creates the admin once, signs them in, and kills the link', async () => {
    const { token } = (await issueSetupToken({ ctx: testContext(t.store, t.clock) }))!;
    const page = await t.app.inject({ method: 'GET', url: `/console/setup?token=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="passwordConfirm"');

    const mismatch = await setupPost(token, {
      email: 'Boss@example.net',
      password,
      passwordConfirm: 'other thing!',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('value="Boss@example.net"');
    expect(mismatch.body).toContain('Die Passwörter stimmen nicht überein.');
    expect(mismatch.body).not.toContain(password);

    const done = await setupPost(token, { email: 'Boss@example.net', password, passwordConfirm: password });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/console?notice=welcome');
    const cookie = `dt_session=${sessionOf(done)!.value}`;
    const welcome = await t.app.inject({
      method: 'GET',
      url: '/console?notice=welcome',
      headers: { cookie },
    });
    expect(welcome.body).toContain('Willkommen! Ihr Administratorkonto ist angelegt.');
    const users = await t.store.db.selectFrom('users').select(['email', 'role']).execute();
    expect(users).toEqual([{ email: 'boss@example.net', role: 'admin' }]);
    expect(await t.store.db.selectFrom('setup_tokens').selectAll().execute()).toHaveLength(0);

    const again = await t.app.inject({ method: 'GET', url: `/console/setup?token=${token}` });
    expect(again.statusCode).toBe(410);
    expect(again.body).not.toContain('<form method="post" action="/console/setup"');
    const replay = await setupPost(token, { email: 'evil@example.net', password, passwordConfirm: password });
    expect(replay.statusCode).toBe(410);
    expect(await t.store.db.selectFrom('users').selectAll().execute()).toHaveLength(1);
  });

  it('refuses an unknown or expired link without a form', async () => {
    const { token } = (await issueSetupToken({ ctx: testContext(t.store, t.clock) }))!;
    const wrong = await t.app.inject({ method: 'GET', url: '/console/setup?token=guess' });
    expect(wrong.statusCode).toBe(410);
    expect(wrong.body).toContain(
      'Dieser Einrichtungslink ist ungültig, abgelaufen oder wurde bereits benutzt.',
    );
    expect(wrong.body).not.toContain('name="password"');
    t.clock.advance(24 * 3600_000 + 1);
    const expired = await t.app.inject({ method: 'GET', url: `/console/setup?token=${token}` });
    expect(expired.statusCode).toBe(410);
  });
});
