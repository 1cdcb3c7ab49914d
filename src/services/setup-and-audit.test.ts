import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Store } from '#src/adapters/store/open-store.ts';
import type { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { authenticateSession } from './authenticate-session.ts';
import { completeSetup } from './complete-setup.ts';
import { cliActor, systemActor } from './context.ts';
import { issueSetupToken } from './issue-setup-token.ts';
import { listAuditLog } from './list-audit-log.ts';
import { setupTokenIsValid } from './setup-token-is-valid.ts';
import { writeAudit } from './write-audit.ts';

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

describeEachStore('first-run setup', (getStore) => {
  const clock = testClock();
  const ctx = () => testContext(getStore(), clock, systemActor);
  const input = (token: string, email = 'boss@example.net') => ({
    token,
    email,
    password: 'correct horse battery',
    passwordConfirm: 'correct horse battery',
    sessionHours: 12,
  });

  beforeEach(async () => {
    clock.set('2026-11-20T10:00:00.000Z');
    await reset(getStore());
  });

  it('creates the first admin with a session, deletes the tokens, and audits as that admin', async () => {
    const { token } = (await issueSetupToken({ ctx: ctx() }))!;
    expect(await setupTokenIsValid(getStore().db, token, clock())).toBe(true);
    const result = await completeSetup({ ctx: ctx(), input: input(token) });
    expect(result.user).toMatchObject({ email: 'boss@example.net', role: 'admin' });
    expect((await authenticateSession(getStore().db, result.cookie, clock()))?.actor.role).toBe('admin');
    expect(await getStore().db.selectFrom('setup_tokens').selectAll().execute()).toHaveLength(0);
    expect(await setupTokenIsValid(getStore().db, token, clock())).toBe(false);
    const audit = await getStore().db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'user.setup',
      actor_type: 'user',
      actor_label: 'boss@example.net',
    });
    expect(await issueSetupToken({ ctx: ctx() })).toBeNull();
  });

  it('keeps the link on a bad form, and refuses expired or unknown links', async () => {
    const { token } = (await issueSetupToken({ ctx: ctx() }))!;
    const bad = await caught(
      completeSetup({ ctx: ctx(), input: { ...input(token), passwordConfirm: 'nope' } }),
    );
    expect(bad?.fields.map((f) => f.key)).toEqual(['error.passwordMismatch']);
    expect(await setupTokenIsValid(getStore().db, token, clock())).toBe(true);
    expect((await caught(completeSetup({ ctx: ctx(), input: input('guess') })))?.key).toBe(
      'console.setup.invalidLink',
    );
    clock.advance(24 * 3600_000);
    expect((await caught(completeSetup({ ctx: ctx(), input: input(token) })))?.key).toBe(
      'console.setup.invalidLink',
    );
    expect(await getStore().db.selectFrom('users').selectAll().execute()).toHaveLength(0);
  });

  it('creates one admin when the link is used twice at once', async () => {
    const { token } = (await issueSetupToken({ ctx: ctx() }))!;
    await Promise.all([1, 2].map(() => sql`select 1`.execute(getStore().db)));
    const results = await Promise.allSettled([
      completeSetup({ ctx: ctx(), input: input(token, 'a@example.net') }),
      completeSetup({ ctx: ctx(), input: input(token, 'b@example.net') }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await getStore().db.selectFrom('users').selectAll().execute()).toHaveLength(1);
  });
});

describeEachStore('audit log listing', (getStore) => {
  const clock = testClock();

  beforeEach(async () => {
    clock.set('2026-11-20T10:00:00.000Z');
    await reset(getStore());
    const ctx = testContext(getStore(), clock, cliActor('cli:Root'));
    const entries = [
      ['incident.declare', 'incident', 'inc-1'],
      ['incident.update', 'incident', 'inc-1'],
      ['maintenance.schedule', 'maintenance', 'm-1'],
      ['user.create', 'user', 'u-1'],
      ['user_x.odd', 'user', 'u-2'],
    ] as const;
    for (const [action, subjectType, subjectId] of entries) {
      clock.advance(1000);
      await writeAudit(getStore().db, ctx, { action, subjectType, subjectId, detail: { n: action } });
    }
  });

  const actions = async (options: Parameters<typeof listAuditLog>[1]) =>
    (await listAuditLog(getStore().db, options)).entries.map((e) => e.action);

  it('lists newest first with parsed details, page by page', async () => {
    const first = await listAuditLog(getStore().db, { perPage: 2 });
    expect(first).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(first.entries.map((e) => e.action)).toEqual(['user_x.odd', 'user.create']);
    expect(first.entries[0]?.detail).toEqual({ n: 'user_x.odd' });
    expect(await actions({ perPage: 2, page: 3 })).toEqual(['incident.declare']);
    expect(await actions({ perPage: 2, page: 9 })).toEqual([]);
  });

  it('filters by action prefix literally, actor case-insensitively, and subject', async () => {
    expect(await actions({ actionPrefix: 'incident.' })).toEqual(['incident.update', 'incident.declare']);
    // `_` and `%` are no wildcards here.
    expect(await actions({ actionPrefix: 'user_' })).toEqual(['user_x.odd']);
    expect(await actions({ actionPrefix: '%' })).toEqual([]);
    expect(await actions({ actionPrefix: 'USER.' })).toEqual([]);
    expect((await actions({ actor: 'CLI:root' })).length).toBe(5);
    expect(await actions({ actor: 'someone@example.net' })).toEqual([]);
    expect(await actions({ subjectType: 'user' })).toEqual(['user_x.odd', 'user.create']);
    expect(await actions({ subjectId: 'inc-1', actionPrefix: 'incident.u' })).toEqual(['incident.update']);
  });
});
