/**
 * @module Migrations are TypeScript modules listed here in order (no directory scan, so a
 * deployment cannot pick up a stray file). They run at start and via `dialtone migrate`.
 * Numbers only grow: a new migration takes the next number after the highest (005 was never
 * used; databases migrated past a number refuse a lower one that appears later).
 */
import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as foundation from './migrations/001-foundation.ts';
import * as activeTokenNames from './migrations/002-active-token-names.ts';
import * as reports from './migrations/003-reports.ts';
import * as inventory from './migrations/004-inventory.ts';
import * as reportAlerts from './migrations/006-report-alerts.ts';
import * as partners from './migrations/007-partners.ts';
import * as reportData from './migrations/008-report-data.ts';
import * as monitors from './migrations/009-monitors.ts';
import * as telemetry from './migrations/010-telemetry.ts';
import * as alerts from './migrations/011-alerts.ts';
import * as subscribers from './migrations/012-subscribers.ts';
import * as restoration from './migrations/013-restoration.ts';
import * as outbox from './migrations/014-outbox.ts';
import * as fanouts from './migrations/015-fanouts.ts';
import type { Database } from './schema.ts';

const migrations: Record<string, Migration> = {
  '001-foundation': foundation,
  '002-active-token-names': activeTokenNames,
  '003-reports': reports,
  '004-inventory': inventory,
  '006-report-alerts': reportAlerts,
  '007-partners': partners,
  '008-report-data': reportData,
  '009-monitors': monitors,
  '010-telemetry': telemetry,
  '011-alerts': alerts,
  '012-subscribers': subscribers,
  '013-restoration': restoration,
  '014-outbox': outbox,
  '015-fanouts': fanouts,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
