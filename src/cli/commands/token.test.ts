import { beforeEach, expect, it } from 'vitest';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { authenticateApiToken } from '#src/services/authenticate-api-token.ts';
import { testClock } from '../../../test/support/factories.ts';
import { describeEachStore } from '../../../test/support/stores.ts';
import { runTokenCommand } from './token.ts';

describeEachStore('dialtone token', (getStore) => {
  let out: string[];
  let err: string[];
  const clock = testClock('2026-11-20T10:00:00.000Z');
  const run = (...args: string[]) =>
    runTokenCommand(args, {
      store: getStore(),
      clock,
      newId: createIdGenerator(() => clock().getTime()),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });

  beforeEach(async () => {
    out = [];
    err = [];
    await getStore().db.deleteFrom('api_tokens').execute();
    await getStore().db.deleteFrom('audit_log').execute();
  });

  it('creates a token, prints the secret alone on stdout, lists it and revokes it', async () => {
    expect(await run('create', '--name', 'monitoring', '--role', 'operator')).toBe(0);
    expect(out).toHaveLength(1);
    const secret = out[0]!;
    expect(secret).toMatch(/^dt_/);
    expect(err.join('\n')).toContain('"monitoring" (operator) created');
    expect(await authenticateApiToken(getStore().db, secret, clock())).toMatchObject({ role: 'operator' });

    out = [];
    expect(await run('list')).toBe(0);
    expect(out[0]!.split('\n')).toEqual([
      'NAME        ROLE      CREATED               LAST USED             REVOKED',
      'monitoring  operator  2026-11-20 10:00 UTC  2026-11-20 10:00 UTC  -',
    ]);

    clock.advance(3600_000);
    expect(await run('revoke', '--name', 'monitoring')).toBe(0);
    expect(await authenticateApiToken(getStore().db, secret, clock())).toBeNull();
    out = [];
    await run('list');
    expect(out[0]).toContain('2026-11-20 11:00 UTC');

    const audit = await getStore()
      .db.selectFrom('audit_log')
      .select(['action', 'actor_type'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'api_token.create', actor_type: 'cli' },
      { action: 'api_token.revoke', actor_type: 'cli' },
    ]);
  });

  it('refuses bad input with the field named (exit 1) and wrong usage with the usage (exit 2)', async () => {
    expect(await run('create', '--name', 'x', '--role', 'root')).toBe(1);
    expect(err.at(-1)).toBe('dialtone token create: role: Invalid value "root".');
    expect(await run('revoke', '--name', 'ghost')).toBe(1);
    expect(err.at(-1)).toBe('dialtone token revoke: Not found: api_token "ghost".');
    expect(await run('create', '--name', 'x')).toBe(2);
    expect(err.at(-1)).toContain('--role is required');
    expect(await run('rotate')).toBe(2);
    expect(err.at(-1)).toContain('usage: dialtone token create');
    expect(await run('list', '--bogus')).toBe(2);
    expect(out).toEqual([]);
    expect(await getStore().db.selectFrom('api_tokens').select('id').execute()).toHaveLength(0);
  });

  it('says so when there are no tokens', async () => {
    expect(await run('list')).toBe(0);
    expect(out).toEqual(['no API tokens']);
  });
});
