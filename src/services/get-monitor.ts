/**
 * @module getMonitor: one monitor with its state and its checks since a given time (newest
 * first, bounded), for its console page.
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';
import { baseQuery, type MonitorCheckView, type MonitorView, toView } from './monitor-rows.ts';

export async function getMonitor(
  db: Kysely<Database>,
  options: { id: string; checksSince: string; maxChecks?: number },
): Promise<{ monitor: MonitorView; checks: MonitorCheckView[] } | null> {
  const row = await baseQuery(db).where('m.id', '=', options.id).executeTakeFirst();
  if (!row) return null;
  const checks = await db
    .selectFrom('monitor_checks')
    .select(['at', 'outcome', 'rtt_ms', 'code', 'detail'])
    .where('monitor_id', '=', options.id)
    .where('at', '>=', options.checksSince)
    .orderBy('at', 'desc')
    .limit(options.maxChecks ?? 2000)
    .execute();
  return {
    monitor: toView(row),
    checks: checks.map((c) => ({
      at: c.at,
      outcome: c.outcome,
      rttMs: c.rtt_ms,
      code: c.code,
      detail: c.detail,
    })),
  };
}
