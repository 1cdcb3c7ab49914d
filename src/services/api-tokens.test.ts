import { beforeEach, expect, it } from 'vitest';
import { DialtoneError } from '#src/domain/errors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { authenticateApiToken } from './authenticate-api-token.ts';
import { createApiToken } from './create-api-token.ts';
import { listApiTokens } from './list-api-tokens.ts';
import { revokeApiToken } from './revoke-api-token.ts';
import { hashToken } from './secrets.ts';

describeEachStore('api tokens', (getStore) => {
  beforeEach(async () => {
    await getStore().db.deleteFrom('api_tokens').execute();
    await getStore().db.deleteFrom('audit_log').execute();
  });

  it('creates a token shown once, stores only its hash, and authenticates with it', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const created = await createApiToken({ ctx, input: { name: ' monitoring ', role: 'operator' } });
    expect(created).toMatchObject({
      name: 'monitoring',
      role: 'operator',
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    expect(created.token).toMatch(/^dt_[A-Za-z0-9_-]{43}$/);

    const row = await getStore().db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    clock.advance(5 * 60_000);
    const actor = await authenticateApiToken(getStore().db, created.token, clock());
    expect(actor).toEqual({ type: 'api_token', id: created.id, label: 'token:monitoring', role: 'operator' });
    const [listed] = await listApiTokens(getStore().db);
    expect(listed).toEqual({
      id: created.id,
      name: 'monitoring',
      role: 'operator',
      createdAt: '2026-11-20T10:00:00.000Z',
      lastUsedAt: '2026-11-20T10:05:00.000Z',
      revokedAt: null,
    });

    const audit = await getStore().db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((a) => [a.action, a.subject_id])).toEqual([['api_token.create', created.id]]);
    expect(audit[0]!.detail).not.toContain(created.token);
  });

  it('refuses a bad name or role per field and an active duplicate name, writing nothing', async () => {
    const ctx = testContext(getStore());
    const bad = await createApiToken({ ctx, input: { name: '-x;rm', role: 'root' } }).catch(
      (e: unknown) => e,
    );
    expect(bad).toBeInstanceOf(DialtoneError);
    expect((bad as DialtoneError).fields.map((f) => [f.path, f.key])).toEqual([
      ['name', 'api.error.tokenNameChars'],
      ['role', 'error.invalidValue'],
    ]);
    const empty = await createApiToken({ ctx, input: { name: '  ', role: 'admin' } }).catch(
      (e: unknown) => e,
    );
    expect((empty as DialtoneError).fields.map((f) => f.key)).toEqual(['error.required']);

    await createApiToken({ ctx, input: { name: 'ci', role: 'admin' } });
    const dup = await createApiToken({ ctx, input: { name: 'ci', role: 'operator' } }).catch(
      (e: unknown) => e,
    );
    expect((dup as DialtoneError).code).toBe('validation_failed');
    expect((dup as DialtoneError).fields).toEqual([
      { path: 'name', key: 'api.error.tokenNameTaken', params: { name: 'ci' } },
    ]);
    expect(await getStore().db.selectFrom('api_tokens').select('id').execute()).toHaveLength(1);
    const actions = await getStore().db.selectFrom('audit_log').select('action').execute();
    expect(actions).toHaveLength(1);
  });

  it('lets only one of two concurrent creations with the same name succeed', async () => {
    const ctx = testContext(getStore());
    const results = await Promise.allSettled([
      createApiToken({ ctx, input: { name: 'twin', role: 'operator' } }),
      createApiToken({ ctx, input: { name: 'twin', role: 'operator' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await getStore().db.selectFrom('api_tokens').select('id').execute()).toHaveLength(1);
  });

  it('revokes by name or id once; a revoked token authenticates nobody and its name is free again', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const first = await createApiToken({ ctx, input: { name: 'pbx', role: 'operator' } });
    clock.advance(60_000);
    const revoked = await revokeApiToken({ ctx, input: { name: 'pbx' } });
    expect(revoked).toEqual({
      id: first.id,
      name: 'pbx',
      role: 'operator',
      revokedAt: '2026-11-20T10:01:00.000Z',
    });
    expect(await authenticateApiToken(getStore().db, first.token, clock())).toBeNull();

    const again = await revokeApiToken({ ctx, input: { id: first.id } }).catch((e: unknown) => e);
    expect((again as DialtoneError).code).toBe('conflict');
    const byName = await revokeApiToken({ ctx, input: { name: 'pbx' } }).catch((e: unknown) => e);
    expect((byName as DialtoneError).code).toBe('conflict');
    const unknown = await revokeApiToken({ ctx, input: { name: 'nope' } }).catch((e: unknown) => e);
    expect((unknown as DialtoneError).code).toBe('not_found');

    clock.advance(60_000);
    const second = await createApiToken({ ctx, input: { name: 'pbx', role: 'admin' } });
    const list = await listApiTokens(getStore().db);
    expect(list.map((t) => [t.id, t.revokedAt !== null])).toEqual([
      [second.id, false],
      [first.id, true],
    ]);
    expect((await listApiTokens(getStore().db, { includeRevoked: false })).map((t) => t.id)).toEqual([
      second.id,
    ]);
    const audit = await getStore()
      .db.selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'api_token.create', subject_id: first.id },
      { action: 'api_token.revoke', subject_id: first.id },
      { action: 'api_token.create', subject_id: second.id },
    ]);
  });

  it('lets only one of two concurrent revocations succeed', async () => {
    const ctx = testContext(getStore());
    const { id } = await createApiToken({ ctx, input: { name: 'race', role: 'operator' } });
    const results = await Promise.allSettled([
      revokeApiToken({ ctx, input: { id } }),
      revokeApiToken({ ctx, input: { id } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((failed.reason as DialtoneError).code).toBe('conflict');
    const revokes = await getStore()
      .db.selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'api_token.revoke')
      .execute();
    expect(revokes).toHaveLength(1);
  });
});
