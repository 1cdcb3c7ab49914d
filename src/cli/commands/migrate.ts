/**
 * @module `dialtone migrate`: brings the schema up to date and says what it applied.
 */
import { migrateToLatest } from '#src/adapters/store/migrate.ts';
import { openStore } from '#src/adapters/store/open-store.ts';
import { loadConfig } from '#src/config/env.ts';
import type { Command } from './index.ts';

export const migrateCommand: Command = {
  summary: 'bring the database schema up to date',
  async run() {
    const config = loadConfig();
    const store = await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      migrate: false,
    });
    try {
      const { applied } = await migrateToLatest(store.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
      return 0;
    } finally {
      await store.close();
    }
  },
};
