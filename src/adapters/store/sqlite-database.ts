/**
 * @module Adapts `node:sqlite` to the slice of the better-sqlite3 interface Kysely's SqliteDialect
 * uses (`prepare` → `reader`, `all`, `run`, `iterate`). Opens with WAL and `synchronous=FULL`: a
 * committed incident update survives a power cut.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Prepared statements kept per connection (queries with long IN lists vary in text). */
const maxStatements = 500;

export function openSqliteDatabase(file: string): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  // Another process (CLI beside the server) may hold the write lock briefly: wait, do not fail (ms).
  db.exec('PRAGMA busy_timeout = 5000');
  // Preparing costs more than running a small query: keep statements by their SQL text. Kysely
  // emits the same text for the same query shape, so the map stays small; it is bounded anyway.
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) return cached;
      const stmt = db.prepare(sql);
      const args = (parameters: ReadonlyArray<unknown>) => parameters.map(toSqlite);
      const statement: SqliteStatement = {
        reader: stmt.columns().length > 0,
        all: (parameters) => stmt.all(...args(parameters)),
        run: (parameters) => stmt.run(...args(parameters)),
        iterate: (parameters) => stmt.iterate(...args(parameters)),
      };
      if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
      statements.set(sql, statement);
      return statement;
    },
  };
}

function toSqlite(value: unknown): SQLInputValue {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value as SQLInputValue;
}
