import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { authenticateSession } from '#src/services/authenticate-session.ts';
import { cliActor } from '#src/services/context.ts';
import { signIn } from '#src/services/sign-in.ts';
import { testClock, testContext } from '../../../test/support/factories.ts';
import { runUserCommand } from './user.ts';

describe('dialtone user (in process)', () => {
  let store: Store;
  let out: string[];
  let err: string[];
  let password: string;
  const clock = testClock();

  beforeEach(async () => {
    store = await openStore({ sqliteFile: ':memory:' });
    out = [];
    err = [];
    password = 'secret password';
  });
  afterEach(async () => store.close());

  const run = (...args: string[]) =>
    runUserCommand(args, {
      store,
      clock,
      newId: createIdGenerator(() => clock().getTime()),
      readPassword: async () => password,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      actorLabel: 'cli:alice',
    });

  it('adds a user, lists it, and audits with the cli actor', async () => {
    expect(await run('add', '--email', 'Ops@Example.net', '--role', 'operator', '--locale', 'en')).toBe(0);
    expect(out[0]).toMatch(/^created user ops@example\.net \(operator, language en, id \w+\)$/);
    expect(await run('list')).toBe(0);
    expect(out[1]).toMatch(/^EMAIL\s+ROLE\s+STATE\s+LANG/);
    expect(out[1]).toMatch(/ops@example\.net\s+operator\s+active\s+en\s+2026-11-20 10:00 UTC/);
    const audit = await store.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'user.create', actor_type: 'cli', actor_label: 'cli:alice' });
  });

  it('refuses bad input with exit 1 and says why, field by field', async () => {
    password = 'short';
    expect(await run('add', '--email', 'not-an-email', '--role', 'admin')).toBe(1);
    expect(err[0]).toBe(
      'dialtone user add: email: Not a valid email address.; password: The password needs at least 10 characters.',
    );
    password = 'secret password';
    expect(await run('add', '--email', 'a@example.net', '--role', 'boss')).toBe(1);
    expect(await run('add', '--email', 'a@example.net', '--role', 'admin')).toBe(0);
    expect(await run('add', '--email', 'A@example.net', '--role', 'admin')).toBe(1);
    expect(err.at(-1)).toBe('dialtone user add: email: This email address is already taken.');
    expect(await run('disable', '--email', 'nobody@example.net')).toBe(1);
    expect(err.at(-1)).toBe('dialtone user disable: Not found: user "nobody@example.net".');
  });

  it('answers wrong usage with exit 2 and the usage text', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['add', '--email', 'a@example.net'],
      ['list', '--email', 'x'],
      ['add', '--bogus'],
    ]) {
      err = [];
      expect(await run(...args)).toBe(2);
      expect(err[0]).toContain('usage: dialtone user add');
    }
    expect(await run('--help')).toBe(0);
  });

  it('disables and enables, never the last admin, and sets a password ending sessions', async () => {
    await run('add', '--email', 'admin@example.net', '--role', 'admin');
    expect(await run('disable', '--email', 'admin@example.net')).toBe(1);
    expect(err.at(-1)).toContain('The last active admin can be neither disabled nor made an operator.');
    await run('add', '--email', 'op@example.net', '--role', 'operator');
    expect(await run('disable', '--email', 'op@example.net')).toBe(0);
    expect(out.at(-1)).toBe('disabled op@example.net');
    expect(await run('disable', '--email', 'op@example.net')).toBe(0);
    expect(out.at(-1)).toBe('op@example.net was already disabled');
    expect(await run('enable', '--email', 'op@example.net')).toBe(0);

    const ctx = testContext(store, clock, cliActor());
    const session = await signIn({ ctx, input: { email: 'op@example.net', password, sessionHours: 1 } });
    password = 'a brand new password';
    expect(await run('set-password', '--email', 'op@example.net')).toBe(0);
    expect(out.at(-1)).toBe('password set for op@example.net; 1 session(s) ended');
    expect(await authenticateSession(store.db, session.cookie, clock())).toBeNull();
    const again = await signIn({ ctx, input: { email: 'op@example.net', password, sessionHours: 1 } });
    expect(again.user.email).toBe('op@example.net');
  });
});

describe('dialtone user (as a process, password piped on stdin)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-user-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[], input = '') =>
    spawnSync(process.execPath, ['src/cli/main.ts', 'user', ...args], {
      input,
      encoding: 'utf8',
      env: { ...process.env, DIALTONE_DATA: dir, DATABASE_URL: '' },
      timeout: 60_000,
    });

  it('reads one line from the pipe and exits with 0, 1 or 2', async () => {
    const added = cli(
      ['add', '--email', 'root@example.net', '--role', 'admin'],
      'secret password\nignored\n',
    );
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/created user root@example\.net \(admin/);
    expect(cli(['add', '--email', 'root@example.net', '--role', 'admin'], 'secret password\n').status).toBe(
      1,
    );
    expect(cli(['add', '--email', 'x@example.net', '--role', 'admin'], '').status).toBe(1);
    expect(cli(['add', '--role', 'admin']).status).toBe(2);

    const store = await openStore({ dataDir: dir });
    try {
      const ctx = testContext(store, testClock(), cliActor());
      const ok = await signIn({
        ctx,
        input: { email: 'root@example.net', password: 'secret password', sessionHours: 1 },
      });
      expect(ok.user.role).toBe('admin');
    } finally {
      await store.close();
    }
  });
});
