/**
 * @module Retention: monitor checks older than 14 days are deleted (the console chart shows hours;
 * state changes live on in monitor_state and in alerts).
 */
import type { ServiceContext } from './context.ts';

export const monitorCheckRetentionMs = 14 * 86_400_000;

export async function pruneMonitorChecks({ ctx }: { ctx: ServiceContext }): Promise<number> {
  const before = new Date(ctx.clock().getTime() - monitorCheckRetentionMs).toISOString();
  const r = await ctx.db.deleteFrom('monitor_checks').where('at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
