import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateSession } from '#src/services/authenticate-session.ts';
import { cliActor } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { signIn } from '#src/services/sign-in.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const password = 'correct horse battery';

describe('console users and own account', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedInStaff>>;

  beforeEach(async () => {
    t = await buildTestApp();
    admin = await signedInStaff(t, 'admin', 'admin@example.net');
  });
  afterEach(async () => t.close());

  const get = (url: string, who = admin) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (url: string, fields: Record<string, string>, who = admin) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...formHeaders, cookie: who.cookie },
      payload: form({ _csrf: who.csrf, ...fields }),
    });
  /** A user with a real password and two live sessions. */
  async function userWithSessions(email: string, role = 'operator') {
    const ctx = testContext(t.store, t.clock, cliActor());
    const user = await createUser({ ctx, input: { email, role, password } });
    const sessions = [];
    for (let i = 0; i < 2; i++) {
      sessions.push(await signIn({ ctx, input: { email, password, sessionHours: 1 } }));
    }
    return { user, sessions };
  }
  const alive = async (cookie: string) => (await authenticateSession(t.store.db, cookie, t.clock())) !== null;

  it('keeps operators out of the users pages and anonymous visitors out of the console', async () => {
    const op = await signedInStaff(t, 'operator');
    expect((await get('/console/users', op)).statusCode).toBe(403);
    const attempt = await post('/console/users', { email: 'x@example.net', role: 'admin', password }, op);
    expect(attempt.statusCode).toBe(403);
    expect(
      await t.store.db.selectFrom('users').select('email').where('email', '=', 'x@example.net').execute(),
    ).toEqual([]);
    expect((await get('/console/users/u-1/password', op)).statusCode).toBe(403);
    for (const url of ['/console', '/console/users', '/console/account', '/console/audit']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/console/login?next=${encodeURIComponent(url)}`);
    }
  });

  it('refuses a users form without its CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/console/users',
      headers: { ...formHeaders, cookie: admin.cookie },
      payload: form({ email: 'x@example.net', role: 'admin', password }),
    });
    expect(res.statusCode).toBe(403);
  });

  it('adds a user and audits who did it', async () => {
    const res = await post('/console/users', {
      email: 'New@Example.net',
      role: 'operator',
      locale: 'en',
      password,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/users?notice=userCreated');
    const page = await get('/console/users?notice=userCreated');
    expect(page.body).toContain('Der Benutzer ist angelegt.');
    expect(page.body).toContain('new@example.net');
    const audit = await t.store.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'user.create',
      actor_label: 'admin@example.net',
      actor_type: 'user',
    });
  });

  it('refuses a bad new user with errors per field, keeping the input but not the password', async () => {
    const res = await post('/console/users', {
      email: 'not-an-email',
      role: 'operator',
      locale: 'en',
      password: 'short pw',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toMatch(/<a href="#f-email">E-Mail-Adresse<\/a>: Keine gültige E-Mail-Adresse\./);
    expect(res.body).toMatch(
      /<a href="#f-password">Anfangspasswort<\/a>: Das Passwort braucht mindestens 10 Zeichen\./,
    );
    expect(res.body).toContain('<option value="en" selected>');
    expect(res.body).not.toContain('short pw');
    expect(await t.store.db.selectFrom('users').selectAll().execute()).toHaveLength(1);
  });

  it('will not disable or demote the last active admin, and says why', async () => {
    for (const action of ['disable', 'role']) {
      const res = await post(`/console/users/${admin.userId}/${action}`, { role: 'operator' });
      expect(res.statusCode).toBe(409);
      expect(res.body).toContain(
        'Der letzte aktive Administrator kann weder deaktiviert noch zum Operator gemacht werden.',
      );
    }
    const row = await t.store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', admin.userId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'admin', disabled: 0 });
  });

  it('disables a user (ending their sessions), enables them, and changes their role', async () => {
    const { user, sessions } = await userWithSessions('op@example.net');
    const off = await post(`/console/users/${user.id}/disable`, {});
    expect(off.headers.location).toBe('/console/users?notice=userDisabled');
    for (const s of sessions) expect(await alive(s.cookie)).toBe(false);
    expect((await post(`/console/users/${user.id}/enable`, {})).headers.location).toBe(
      '/console/users?notice=userEnabled',
    );
    expect((await post(`/console/users/${user.id}/role`, { role: 'admin' })).headers.location).toBe(
      '/console/users?notice=roleChanged',
    );
    expect((await post(`/console/users/${user.id}/role`, { role: 'admin' })).headers.location).toBe(
      '/console/users?notice=unchanged',
    );
    const row = await t.store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'admin', disabled: 0 });
    expect((await post('/console/users/nobody/disable', {})).statusCode).toBe(404);
    const tampered = await post(`/console/users/${user.id}/role`, { role: 'root' });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('Ungültiger Wert „root“.');
  });

  it("resets another user's password, ending their sessions", async () => {
    const { user, sessions } = await userWithSessions('op@example.net');
    const page = await get(`/console/users/${user.id}/password`);
    expect(page.body).toContain('op@example.net');
    const mismatch = await post(`/console/users/${user.id}/password`, {
      newPassword: 'a new password',
      newPasswordConfirm: 'something else',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('Die Passwörter stimmen nicht überein.');
    expect(await alive(sessions[0]!.cookie)).toBe(true);
    const res = await post(`/console/users/${user.id}/password`, {
      newPassword: 'a new password',
      newPasswordConfirm: 'a new password',
    });
    expect(res.headers.location).toBe('/console/users?notice=passwordReset');
    for (const s of sessions) expect(await alive(s.cookie)).toBe(false);
  });

  it('changes the own password with the current one and ends every own session', async () => {
    const { sessions } = await userWithSessions('op@example.net');
    const me = { userId: '', cookie: `dt_session=${sessions[0]!.cookie}`, csrf: sessions[0]!.csrfToken };
    const account = await get('/console/account', me);
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('op@example.net');

    const wrong = await post(
      '/console/account/password',
      {
        currentPassword: 'wrong password',
        newPassword: 'a new password',
        newPasswordConfirm: 'a new password',
      },
      me,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toMatch(
      /<a href="#f-currentPassword">Bisheriges Passwort<\/a>: Das bisherige Passwort ist falsch\./,
    );
    expect(wrong.body).not.toContain('a new password');

    const ok = await post(
      '/console/account/password',
      { currentPassword: password, newPassword: 'a new password', newPasswordConfirm: 'a new password' },
      me,
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/console/login?notice=passwordChanged');
    expect(ok.cookies.find((c) => c.name === 'dt_session')?.value).toBe('');
    for (const s of sessions) expect(await alive(s.cookie)).toBe(false);
    expect((await get('/console', me)).statusCode).toBe(303);
  });

  it('stores the console language on the account, from the account page or the header switch', async () => {
    const saved = await post('/console/account/language', { locale: 'en' });
    expect(saved.headers.location).toBe('/console/account?notice=languageSaved');
    const page = await get('/console/account?notice=languageSaved');
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('The language has been saved.');
    const back = await post('/console/account/language', {
      locale: 'de',
      next: '/console/audit?lang=en&page=2',
    });
    expect(back.headers.location).toBe('/console/audit?page=2');
    const away = await post('/console/account/language', { locale: 'de', next: '//evil.example' });
    expect(away.headers.location).toBe('/console/account?notice=languageSaved');
    const bad = await post('/console/account/language', { locale: 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ungültiger Wert „fr“.');
  });
});
