/**
 * @module recordHeartbeatPing: a batch job (billing run, backup) calls its secret URL when it
 * has run; the ping puts its heartbeat monitor `up`. markMissedHeartbeats does the opposite.
 */

import type { ServiceContext } from './context.ts';
import { heartbeatTokenPrefix } from './heartbeat-token.ts';
import { recordProbeResult } from './record-probe-result.ts';
import { hashToken } from './secrets.ts';

/** Pings closer together than this (ms) are answered but not recorded again. */
export const minPingSpacingMs = 10_000;

/**
 * Records a ping for the heartbeat whose token this is. Returns false for an unknown token, a
 * monitor that is not an enabled heartbeat, or a paused one (the caller answers 404 either way).
 */
export async function recordHeartbeatPing({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { token: string };
}): Promise<boolean> {
  if (!input.token.startsWith(heartbeatTokenPrefix) || input.token.length > 200) return false;
  const monitor = await ctx.db
    .selectFrom('monitors')
    .leftJoin('monitor_state', 'monitor_state.monitor_id', 'monitors.id')
    .select([
      'monitors.id',
      'monitors.enabled',
      'monitors.paused_at',
      'monitor_state.state',
      'monitor_state.last_checked_at',
    ])
    .where('monitors.heartbeat_token_hash', '=', hashToken(input.token))
    .where('monitors.kind', '=', 'heartbeat')
    .executeTakeFirst();
  if (!monitor || monitor.enabled !== 1 || monitor.paused_at !== null) return false;
  // A job pinging in a loop must not fill the check history: a ping this soon after the last
  // one, with the heartbeat already up, tells nothing new.
  const last = monitor.last_checked_at ? Date.parse(monitor.last_checked_at) : Number.NaN;
  if (monitor.state === 'up' && ctx.clock().getTime() - last < minPingSpacingMs) return true;
  const recorded = await recordProbeResult({
    ctx,
    input: { monitorId: monitor.id, result: { outcome: 'up', rttMs: 0, detail: 'ping' } },
  });
  return recorded !== null;
}
