/**
 * @module markMissedHeartbeats: the probe runner calls it on every pass; it puts every
 * heartbeat without a ping for period + grace `down` (recordHeartbeatPing puts it back `up`).
 */

import { type HeartbeatSettings, heartbeatMissed } from '#src/domain/monitor.ts';
import { parseSettings } from './catalog/monitors.ts';
import type { ServiceContext } from './context.ts';

/** Puts heartbeats without a ping for period + grace `down`; returns the ids newly down. */
export async function markMissedHeartbeats({ ctx }: { ctx: ServiceContext }): Promise<string[]> {
  const now = ctx.clock();
  const rows = await ctx.db
    .selectFrom('monitors')
    .innerJoin('monitor_state', 'monitor_state.monitor_id', 'monitors.id')
    .select([
      'monitors.id',
      'monitors.settings',
      'monitor_state.state',
      'monitor_state.since',
      'monitor_state.last_checked_at',
    ])
    .where('monitors.kind', '=', 'heartbeat')
    .where('monitors.enabled', '=', 1)
    .where('monitors.paused_at', 'is', null)
    .where('monitor_state.state', '!=', 'down')
    .execute();
  const down: string[] = [];
  for (const row of rows) {
    const settings = heartbeatSettings(row.settings);
    if (!heartbeatMissed(row.last_checked_at, row.since, settings, now)) continue;
    const seconds = settings.periodSeconds + settings.graceSeconds;
    // downAfter does not apply: the period plus grace already was the patience.
    const at = now.toISOString();
    const detail = `no ping for more than ${seconds} s`;
    const marked = await ctx.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('monitor_state')
        .set({ state: 'down', since: at, last_detail: detail })
        .where('monitor_id', '=', row.id)
        .where('state', '=', row.state)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await trx
        .insertInto('monitor_checks')
        .values({ monitor_id: row.id, at, outcome: 'down', rtt_ms: 0, code: null, detail })
        .execute();
      return true;
    });
    if (marked) down.push(row.id);
  }
  return down;
}

export function heartbeatSettings(json: string): HeartbeatSettings {
  const s = parseSettings(json);
  const num = (v: unknown, fallback: number) => (typeof v === 'number' && v >= 0 ? v : fallback);
  return { periodSeconds: num(s.periodSeconds, 86_400), graceSeconds: num(s.graceSeconds, 300) };
}
