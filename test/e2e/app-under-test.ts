/**
 * @module The real dialtone for end-to-end tests, put together as `dialtone serve --demo` does it:
 * a store (an SQLite file in a temp dir, or a database on a PostgreSQL 15 started for the test),
 * the demo catalog applied by the real seeding, a real clock, and the app listening on a loopback
 * port. The operator is created through the createUser verb, as `dialtone user add` does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { seedDemo } from '#src/cli/commands/serve.ts';
import { loadConfig } from '#src/config/env.ts';
import { cliActor, type ServiceContext } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { type Catalog, loadCatalog } from '#src/services/load-catalog.ts';
import { refreshComponentStatus } from '#src/services/refresh-component-status.ts';
import { buildApp } from '#src/web/app.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { freePort, startPostgres, type TestPostgres } from '../support/postgres.ts';
import type { StoreKind } from '../support/stores.ts';

/** The console account the scenario signs in with. */
export const operatorAccount = {
  email: 'noc@beispiel-telekom.example',
  password: 'Leitstelle-Cottbus-2026',
} as const;

export interface AppUnderTest {
  /** `http://127.0.0.1:<port>`, also the configured public URL (feed links, API shortlinks). */
  base: string;
  /** The demo catalog as stored, for component names in both languages. */
  catalog: Catalog;
  /** The store, for a scenario that needs more accounts than the operator (an admin). */
  store: Store;
  close(): Promise<void>;
}

/** Undo steps run newest first, each even when an earlier one failed. */
class Cleanup {
  readonly #steps: (() => unknown)[] = [];
  add(step: () => unknown) {
    this.#steps.unshift(step);
  }
  async run() {
    const errors: unknown[] = [];
    for (const step of this.#steps.splice(0)) {
      try {
        await step();
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'cleaning up the app under test failed');
  }
}

const e2eDatabase = 'dialtone_e2e';

/**
 * pg's pool.end() resolves once it has told its connections to end, not once they have: a server
 * stopped right then cuts them off mid-goodbye, which pg raises as an uncaught error. So wait
 * (polling the server, bounded) until no session on the test database is left.
 */
async function waitForSessionsToEnd(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 500; attempt++) {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [e2eDatabase],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

async function openTestStore(kind: StoreKind, cleanup: Cleanup): Promise<Store> {
  let store: Store;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dialtone-e2e-'));
    cleanup.add(() => rmSync(dir, { recursive: true, force: true }));
    store = await openStore({ sqliteFile: join(dir, 'dialtone.sqlite') });
  } else {
    const server: TestPostgres = await startPostgres();
    cleanup.add(() => server.stop());
    cleanup.add(() => waitForSessionsToEnd(server.url));
    store = await openStore({ databaseUrl: server.createDatabase(e2eDatabase) });
  }
  cleanup.add(() => store.close());
  return store;
}

export async function startAppUnderTest(kind: StoreKind): Promise<AppUnderTest> {
  const cleanup = new Cleanup();
  try {
    const store = await openTestStore(kind, cleanup);
    // The public URL must name the real port (feeds and the API print links), so pick it first.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // An explicit environment: whatever DATABASE_URL or PORT the developer's shell has stays out.
    const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', DIALTONE_PUBLIC_URL: base });
    const deps: AppDeps = { store, config, clock: () => new Date(), newId: createIdGenerator() };
    const ctx: ServiceContext = {
      db: store.db,
      dialect: store.dialect,
      clock: deps.clock,
      newId: deps.newId,
      actor: cliActor('e2e'),
    };
    await seedDemo(ctx);
    await store.db.transaction().execute((trx) => refreshComponentStatus(trx, ctx));
    await createUser({ ctx, input: { ...operatorAccount, role: 'operator', locale: 'de' } });
    const app: FastifyInstance = await buildApp(deps, { logger: false });
    cleanup.add(() => app.close());
    await app.listen({ port, host: '127.0.0.1' });
    return { base, catalog: await loadCatalog(store.db), store, close: () => cleanup.run() };
  } catch (error) {
    await cleanup.run().catch(() => {});
    throw error;
  }
}
