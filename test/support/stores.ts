/**
 * @module Runs one suite against every store: SQLite (in memory) and PostgreSQL 15 (started for
 * the test file). This is the repository contract: what passes on one must pass on the other.
 *
 * @example
 * describeEachStore('declare incident', (getStore) => {
 *   it('…', async () => { const { store } = getStore(); … });
 * });
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { skipOrFail } from './peers.ts';
import { postgresAvailable, startPostgres, type TestPostgres } from './postgres.ts';

let pgServer: Promise<TestPostgres> | null = null;
let dbCounter = 0;

/** One PostgreSQL per test file (vitest isolates files in forks), started on first use. */
function sharedPostgres(): Promise<TestPostgres> {
  pgServer ??= startPostgres();
  return pgServer;
}

// Registered when a test file imports this module, so it is a file-level hook: the server is
// stopped (by pg_ctl, i.e. by its PID file) after the file's last suite. A hook registered from
// inside beforeAll would never run, and every test file would leave a PostgreSQL behind.
afterAll(async () => {
  if (!pgServer) return;
  const server = pgServer;
  pgServer = null;
  (await server).stop();
});

export type StoreKind = 'sqlite' | 'postgres';

export function describeEachStore(name: string, suite: (getStore: () => Store, kind: StoreKind) => void) {
  describe(`${name} [sqlite]`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await openStore({ sqliteFile: ':memory:' });
    });
    afterAll(async () => store?.close());
    suite(() => store, 'sqlite');
  });

  const missing = postgresAvailable();
  const skipReason = missing ? skipOrFail('PostgreSQL', missing) : null;
  describe.skipIf(skipReason !== null)(`${name} [postgres]`, () => {
    let store: Store;
    beforeAll(async () => {
      const pg = await sharedPostgres();
      const url = pg.createDatabase(`t${process.pid}_${++dbCounter}`);
      store = await openStore({ databaseUrl: url });
    });
    afterAll(async () => store?.close());
    suite(() => store, 'postgres');
  });
}
