/**
 * @module Retention of telemetry: raw 10-second windows are kept 14 days, hourly roll-ups 400
 * days (a year plus the same weekday and hour a year back for baselines).
 */
import type { ServiceContext } from './context.ts';

export const rawRetentionDays = 14;
export const hourlyRetentionDays = 400;
const dayMs = 86_400_000;

export async function pruneTelemetry({
  ctx,
}: {
  ctx: ServiceContext;
}): Promise<{ windows: number; hourly: number }> {
  const now = ctx.clock().getTime();
  const rawBefore = new Date(now - rawRetentionDays * dayMs).toISOString();
  const hourlyBefore = new Date(now - hourlyRetentionDays * dayMs).toISOString();
  const w = await ctx.db
    .deleteFrom('telemetry_windows')
    .where('started_at', '<', rawBefore)
    .executeTakeFirst();
  const h = await ctx.db
    .deleteFrom('telemetry_hourly')
    .where('started_at', '<', hourlyBefore)
    .executeTakeFirst();
  return { windows: Number(w.numDeletedRows), hourly: Number(h.numDeletedRows) };
}
