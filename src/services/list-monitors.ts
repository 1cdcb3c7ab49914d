/**
 * @module listMonitors: the console's monitors with their state, in catalog order.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';
import { baseQuery, type MonitorView, toView } from './monitor-rows.ts';

export async function listMonitors(db: Kysely<Database>): Promise<MonitorView[]> {
  const rows = await baseQuery(db).orderBy('m.position').orderBy('m.id').execute();
  return rows.map(toView);
}
