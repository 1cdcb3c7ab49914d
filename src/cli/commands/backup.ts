/**
 * @module `dialtone backup FILE` and `dialtone verify-backup FILE`.
 *
 * SQLite: `VACUUM INTO` writes a consistent, compacted copy while the server keeps running (readers
 * and writers are not blocked for long); verify opens the copy read-only, runs
 * `PRAGMA integrity_check` and counts what it holds. PostgreSQL: use pg_dump (docs/OPERATIONS.md);
 * this command says so instead of pretending.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sql } from 'kysely';
import { openStore } from '#src/adapters/store/open-store.ts';
import { loadConfig } from '#src/config/env.ts';
import type { Command } from './index.ts';

export const backupCommand: Command = {
  summary: 'write a consistent copy of the SQLite database to FILE while dialtone runs',
  async run(args) {
    const target = args[0];
    if (!target || args.length > 1) {
      console.error('usage: dialtone backup FILE');
      return 2;
    }
    const config = loadConfig();
    if (config.databaseUrl) {
      console.error(
        'dialtone backup: DATABASE_URL is set; back up PostgreSQL with pg_dump (see docs/OPERATIONS.md)',
      );
      return 1;
    }
    const file = resolve(target);
    if (existsSync(file)) {
      console.error(`dialtone backup: ${target} exists; refusing to overwrite it`);
      return 1;
    }
    const store = await openStore({ dataDir: config.dataDir, migrate: false });
    try {
      await sql`VACUUM INTO ${file}`.execute(store.db);
    } finally {
      await store.close();
    }
    const report = verify(file);
    console.log(`backup written to ${target}: ${report}`);
    return 0;
  },
};

export const verifyBackupCommand: Command = {
  summary: 'check a backup file: integrity and what it holds',
  async run(args) {
    const target = args[0];
    if (!target || args.length > 1) {
      console.error('usage: dialtone verify-backup FILE');
      return 2;
    }
    if (!existsSync(target)) {
      console.error(`dialtone verify-backup: ${target} does not exist`);
      return 1;
    }
    try {
      console.log(`${target}: ${verify(resolve(target))}`);
      return 0;
    } catch (e) {
      console.error(`dialtone verify-backup: ${target} is not a usable backup: ${(e as Error).message}`);
      return 1;
    }
  },
};

function verify(file: string): string {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    const check = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    const problems = check.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new Error(`integrity check failed: ${problems.slice(0, 5).join('; ')}`);
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const migration = db.prepare('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').get() as
      | { name: string }
      | undefined;
    return `integrity ok, schema ${migration?.name ?? 'unknown'}, ${count('components')} components, ${count('incidents')} incidents, ${count('maintenances')} maintenance windows, ${count('users')} users, ${count('audit_log')} audit entries`;
  } finally {
    db.close();
  }
}
