/**
 * @module Alert history is kept as long as the hourly telemetry it was judged on (400 days): older
 * resolved alerts are deleted (hourly, by the detector wiring). Firing alerts are never pruned.
 */
import type { ServiceContext } from './context.ts';

export const alertRetentionDays = 400;

export async function pruneAlerts({ ctx }: { ctx: ServiceContext }): Promise<{ deleted: number }> {
  const before = new Date(ctx.clock().getTime() - alertRetentionDays * 86_400_000).toISOString();
  const rows = await ctx.db
    .deleteFrom('alerts')
    .where('state', '=', 'resolved')
    .where('resolved_at', '<', before)
    .returning('id')
    .execute();
  return { deleted: rows.length };
}
