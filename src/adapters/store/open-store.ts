/**
 * @module Opens the store: SQLite under the data directory by default, PostgreSQL when a
 * `DATABASE_URL` is given. Both speak the same Kysely schema; `dialect` is told to the few
 * queries that must differ (none in the foundation).
 */
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { openSqliteDatabase } from './sqlite-database.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the PostgreSQL URL without its password. */
  location: string;
  /** True when the database answers a trivial query (readiness). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://…`; when absent, SQLite under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** SQLite file name override (`:memory:` for tests). */
  sqliteFile?: string;
  migrate?: boolean;
  /** Told when PostgreSQL drops an idle pooled connection (for the log). */
  onIdleError?: (err: Error) => void;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.onIdleError)
    : openSqlite(options);
  if (options.migrate !== false) await migrateToLatest(store.db);
  return store;
}

function openSqlite(options: StoreOptions): Store {
  const file = options.sqliteFile ?? join(options.dataDir ?? 'data', 'dialtone.sqlite');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqliteDatabase(file) }) });
  return withPing({ db, dialect: 'sqlite', location: file });
}

function openPostgres(url: string, onIdleError?: (err: Error) => void): Store {
  // Text timestamps are stored as text; keep pg from parsing anything into Date objects.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server drops (restart, failover, admin shutdown) emits 'error' on
  // the pool; unheard, that would end the process. The pool replaces the connection by itself and
  // the next query reports any lasting outage (and /readyz turns 503).
  pool.on('error', (err) => onIdleError?.(err));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return withPing({ db, dialect: 'postgres', location: redactUrl(url) });
}

function withPing(base: Pick<Store, 'db' | 'dialect' | 'location'>): Store {
  return {
    ...base,
    async ping() {
      try {
        await sql`select 1`.execute(base.db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => base.db.destroy(),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable url)';
  }
}
