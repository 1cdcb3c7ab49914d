import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Store } from '#src/adapters/store/open-store.ts';
import type { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { authenticateSession } from './authenticate-session.ts';
import { changePassword } from './change-password.ts';
import { cliActor } from './context.ts';
import { createUser } from './create-user.ts';
import { listUsers } from './list-users.ts';
import { verifyPassword } from './secrets.ts';
import { setUserDisabled } from './set-user-disabled.ts';
import { signIn, userActor } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { updateUser } from './update-user.ts';

async function reset(store: Store) {
  for (const table of ['sessions', 'setup_tokens', 'audit_log', 'users'] as const) {
    await store.db.deleteFrom(table).execute();
  }
}

const caught = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as DialtoneError,
  );
const fieldKeys = (e: DialtoneError | null) => e?.fields.map((f) => `${f.path}:${f.key}`);

describeEachStore('user accounts', (getStore) => {
  const clock = testClock();
  const cli = () => testContext(getStore(), clock, cliActor('cli:test'));
  const add = (email: string, role = 'admin', password = 'correct horse battery') =>
    createUser({ ctx: cli(), input: { email, role, password } });
  const signInAs = (email: string, password = 'correct horse battery') =>
    signIn({ ctx: cli(), input: { email, password, sessionHours: 12 } });

  beforeEach(async () => {
    clock.set('2026-11-20T10:00:00.000Z');
    await reset(getStore());
  });

  it('creates a user with a normalised email and a scrypt hash, and audits it', async () => {
    const user = await add('  Ops@Example.NET ', 'operator');
    expect(user).toMatchObject({ email: 'ops@example.net', role: 'operator', locale: 'de', disabled: false });
    const row = await getStore().db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('correct horse battery', row.password_hash)).toBe(true);
    const audit = await getStore().db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'user.create', actor_type: 'cli', actor_label: 'cli:test' });
    expect(audit.detail).not.toContain('correct horse');
  });

  it('refuses a bad user whole, naming each field, and a taken email in any case', async () => {
    const err = await caught(
      createUser({ ctx: cli(), input: { email: 'nope', role: 'root', password: 'short' } }),
    );
    expect(fieldKeys(err as DialtoneError)).toEqual([
      'email:error.invalidEmail',
      'password:error.passwordTooShort',
      'role:error.invalidValue',
    ]);
    await add('a@example.net');
    const dup = await caught(add('A@EXAMPLE.net'));
    expect(fieldKeys(dup as DialtoneError)).toEqual(['email:error.emailTaken']);
    expect(await listUsers(getStore().db)).toHaveLength(1);
  });

  it('lets only admins create users', async () => {
    const op = await add('op@example.net', 'operator');
    const err = await caught(
      createUser({
        ctx: testContext(getStore(), clock, userActor(op)),
        input: { email: 'x@example.net', role: 'admin', password: 'long enough pw' },
      }),
    );
    expect((err as DialtoneError).code).toBe('forbidden');
  });

  it('signs in, opens a working session, and signs out', async () => {
    await add('a@example.net');
    clock.advance(1000);
    const result = await signInAs('A@example.net');
    expect(result.user.email).toBe('a@example.net');
    expect(result.expiresAt).toBe('2026-11-20T22:00:01.000Z');
    const session = await authenticateSession(getStore().db, result.cookie, clock());
    expect(session?.actor.label).toBe('a@example.net');
    expect(session?.csrfToken).toBe(result.csrfToken);
    const stored = await getStore().db.selectFrom('sessions').select('id_hash').execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(result.cookie);

    const ctx = testContext(getStore(), clock, userActor(result.user));
    clock.advance(1000);
    expect(await signOut({ ctx, input: { cookie: result.cookie } })).toEqual({ ended: true });
    expect(await authenticateSession(getStore().db, result.cookie, clock())).toBeNull();
    expect(await signOut({ ctx, input: { cookie: result.cookie } })).toEqual({ ended: false });
    const actions = await getStore().db.selectFrom('audit_log').select('action').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.sign_in', 'user.sign_out']);
  });

  it('answers unknown email, wrong password and disabled account alike', async () => {
    const user = await add('a@example.net');
    await add('b@example.net');
    await setUserDisabled({ ctx: cli(), input: { userId: user.id, disabled: true } });
    const errors = await Promise.all([
      caught(signInAs('nobody@example.net')),
      caught(signInAs('b@example.net', 'wrong password!')),
      caught(signInAs('a@example.net')),
    ]);
    for (const e of errors) expect([e?.code, e?.key]).toEqual(['unauthorized', 'error.badCredentials']);
    expect(await getStore().db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
    const failed = await getStore()
      .db.selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'user.sign_in_failed')
      .orderBy('detail')
      .execute();
    expect(failed.map((f) => JSON.parse(f.detail).reason)).toEqual(['disabled', 'password']);
  });

  it('changes the own password only with the current one, and ends every session', async () => {
    await add('a@example.net');
    const first = await signInAs('a@example.net');
    const second = await signInAs('a@example.net');
    const ctx = testContext(getStore(), clock, userActor(first.user));
    const wrong = await caught(
      changePassword({
        ctx,
        input: { userId: first.user.id, currentPassword: 'not it at all', newPassword: 'another long one' },
      }),
    );
    expect(fieldKeys(wrong as DialtoneError)).toEqual(['currentPassword:error.wrongPassword']);
    const mismatch = await caught(
      changePassword({
        ctx,
        input: { userId: first.user.id, newPassword: 'x', newPasswordConfirm: 'y' },
      }),
    );
    expect(fieldKeys(mismatch as DialtoneError)).toEqual([
      'currentPassword:error.required',
      'newPassword:error.passwordTooShort',
      'newPasswordConfirm:error.passwordMismatch',
    ]);
    expect(await authenticateSession(getStore().db, first.cookie, clock())).not.toBeNull();

    const done = await changePassword({
      ctx,
      input: {
        userId: first.user.id,
        currentPassword: 'correct horse battery',
        newPassword: 'another long one',
        newPasswordConfirm: 'another long one',
      },
    });
    expect(done.sessionsEnded).toBe(2);
    for (const s of [first, second])
      expect(await authenticateSession(getStore().db, s.cookie, clock())).toBeNull();
    expect((await caught(signInAs('a@example.net')))?.code).toBe('unauthorized');
    expect((await signInAs('a@example.net', 'another long one')).user.id).toBe(first.user.id);
  });

  it('lets an admin reset a password without the current one, but not an operator', async () => {
    const admin = await add('admin@example.net');
    const op = await add('op@example.net', 'operator');
    const session = await signInAs('op@example.net');
    const asOp = testContext(getStore(), clock, userActor(op));
    const refused = await caught(
      changePassword({ ctx: asOp, input: { userId: admin.id, newPassword: 'x'.repeat(12) } }),
    );
    expect(refused?.code).toBe('forbidden');
    const asAdmin = testContext(getStore(), clock, userActor(admin));
    await changePassword({ ctx: asAdmin, input: { userId: op.id, newPassword: 'reset by admin' } });
    expect(await authenticateSession(getStore().db, session.cookie, clock())).toBeNull();
    const audit = await getStore()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.password_reset')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_label: 'admin@example.net', subject_id: op.id });
  });

  it('disables and enables a user, ending their sessions', async () => {
    await add('admin@example.net');
    const op = await add('op@example.net', 'operator');
    const session = await signInAs('op@example.net');
    const off = await setUserDisabled({ ctx: cli(), input: { userId: op.id, disabled: true } });
    expect(off).toMatchObject({ changed: true, user: { disabled: true } });
    expect(await authenticateSession(getStore().db, session.cookie, clock())).toBeNull();
    expect((await setUserDisabled({ ctx: cli(), input: { userId: op.id, disabled: true } })).changed).toBe(
      false,
    );
    await setUserDisabled({ ctx: cli(), input: { userId: op.id, disabled: false } });
    expect((await signInAs('op@example.net')).user.disabled).toBe(false);
  });

  it('never disables or demotes the last active admin', async () => {
    const admin = await add('admin@example.net');
    const self = testContext(getStore(), clock, userActor(admin));
    const disable = await caught(setUserDisabled({ ctx: self, input: { userId: admin.id, disabled: true } }));
    expect([disable?.code, disable?.key]).toEqual(['conflict', 'console.users.lastAdmin']);
    const demote = await caught(updateUser({ ctx: self, input: { userId: admin.id, role: 'operator' } }));
    expect(demote?.key).toBe('console.users.lastAdmin');

    const other = await add('other@example.net');
    await setUserDisabled({ ctx: self, input: { userId: other.id, disabled: true } });
    expect(
      (await caught(updateUser({ ctx: self, input: { userId: admin.id, role: 'operator' } })))?.key,
    ).toBe('console.users.lastAdmin');
    await setUserDisabled({ ctx: self, input: { userId: other.id, disabled: false } });
    const demoted = await updateUser({ ctx: self, input: { userId: admin.id, role: 'operator' } });
    expect(demoted.user.role).toBe('operator');
  });

  it('lets exactly one of two admins demoting each other at once succeed', async () => {
    const a = await add('a@example.net');
    const b = await add('b@example.net');
    // Two pooled connections ready, so that both transactions really overlap on PostgreSQL.
    await Promise.all([1, 2].map(() => sql`select 1`.execute(getStore().db)));
    const results = await Promise.allSettled([
      updateUser({
        ctx: testContext(getStore(), clock, userActor(a)),
        input: { userId: b.id, role: 'operator' },
      }),
      updateUser({
        ctx: testContext(getStore(), clock, userActor(b)),
        input: { userId: a.id, role: 'operator' },
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const admins = (await listUsers(getStore().db)).filter((u) => u.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it('lets users set their own language, and only admins change roles', async () => {
    const op = await add('op@example.net', 'operator');
    const asOp = testContext(getStore(), clock, userActor(op));
    const result = await updateUser({ ctx: asOp, input: { userId: op.id, locale: 'en' } });
    expect(result).toMatchObject({ changed: true, user: { locale: 'en' } });
    expect((await updateUser({ ctx: asOp, input: { userId: op.id, locale: 'en' } })).changed).toBe(false);
    expect((await caught(updateUser({ ctx: asOp, input: { userId: op.id, role: 'admin' } })))?.code).toBe(
      'forbidden',
    );
    const bad = await caught(updateUser({ ctx: asOp, input: { userId: op.id, locale: 'fr' } }));
    expect(fieldKeys(bad as DialtoneError)).toEqual(['locale:error.invalidValue']);
    const audit = await getStore()
      .db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.update')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([{ locale: { from: 'de', to: 'en' } }]);
  });
});
