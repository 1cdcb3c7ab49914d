/**
 * @module An app for HTTP tests (`app.inject`, no socket) on an in-memory SQLite store, with a
 * controllable clock, plus shortcuts to act as a signed-in staff member or an API client.
 */
import type { FastifyInstance } from 'fastify';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { loadConfig } from '#src/config/env.ts';
import type { Role } from '#src/services/context.ts';
import { hashToken, newToken } from '#src/services/secrets.ts';
import { buildApp } from '#src/web/app.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { type TestClock, testClock } from './factories.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  store: Store;
  clock: TestClock;
  close(): Promise<void>;
}

export async function buildTestApp(
  options: { store?: Store; clock?: TestClock; env?: Record<string, string>; statusFreshMs?: number } = {},
): Promise<TestApp> {
  const store = options.store ?? (await openStore({ sqliteFile: ':memory:' }));
  const clock = options.clock ?? testClock();
  const deps: AppDeps = {
    store,
    config: loadConfig({ DIALTONE_PUBLIC_URL: 'http://status.example.net', ...options.env }),
    clock,
    newId: createIdGenerator(() => clock().getTime()),
  };
  const app = await buildApp(deps, {
    logger: false,
    ...(options.statusFreshMs ? { statusFreshMs: options.statusFreshMs } : {}),
  });
  return {
    app,
    deps,
    store,
    clock,
    async close() {
      await app.close();
      if (!options.store) await store.close();
    },
  };
}

let userCounter = 0;

/**
 * Creates a user with a session (directly in the database, bypassing the sign-in form) and returns
 * the cookie header and the CSRF token its forms must carry.
 */
export async function signedInStaff(t: TestApp, role: Role = 'operator', email?: string) {
  const id = `u-${++userCounter}`;
  const now = t.clock().toISOString();
  await t.store.db
    .insertInto('users')
    .values({
      id,
      email: email ?? `${role}${userCounter}@example.net`,
      role,
      password_hash: 'scrypt$invalid',
      locale: 'de',
      created_at: now,
      password_changed_at: now,
      disabled: 0,
    })
    .execute();
  const cookie = newToken();
  const csrf = newToken();
  await t.store.db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(cookie),
      user_id: id,
      csrf_token: csrf,
      created_at: now,
      expires_at: new Date(t.clock().getTime() + 3600_000).toISOString(),
    })
    .execute();
  return { userId: id, cookie: `dt_session=${cookie}`, csrf };
}

/** Creates an API token directly in the database and returns the Authorization header value. */
export async function apiToken(t: TestApp, role: Role = 'operator') {
  const token = newToken('dt_');
  await t.store.db
    .insertInto('api_tokens')
    .values({
      id: `tok-${++userCounter}`,
      name: `test-${userCounter}`,
      role,
      token_hash: hashToken(token),
      created_at: t.clock().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return `Bearer ${token}`;
}
