/**
 * @module Heartbeats: a batch job (billing run, backup) calls its secret URL when it has run;
 * dialtone keeps only the token's SHA-256. A ping puts the monitor `up`; the probe runner calls
 * markMissedHeartbeats, which puts every heartbeat without a ping for period + grace `down`.
 */

import { DialtoneError } from '#src/domain/errors.ts';
import { type HeartbeatSettings, heartbeatMissed } from '#src/domain/monitor.ts';
import { parseSettings } from './catalog-monitors.ts';
import type { ServiceContext } from './context.ts';
import { recordProbeResult } from './record-probe-result.ts';
import { hashToken, newToken } from './secrets.ts';
import { writeAudit } from './write-audit.ts';

/** Pings closer together than this (ms) are answered but not recorded again. */
export const minPingSpacingMs = 10_000;

/** Prefix that makes a leaked heartbeat token recognisable (secret scanners, logs). */
export const heartbeatTokenPrefix = 'dthb_';

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

/**
 * Issues a new secret URL token for a heartbeat monitor (the old one stops working at once) and
 * returns it: it is shown once and never stored. Audited.
 */
export async function rotateHeartbeatToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { monitorId: string };
}): Promise<{ token: string }> {
  const token = newToken(heartbeatTokenPrefix);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('monitors')
      .set({ heartbeat_token_hash: hashToken(token) })
      .where('id', '=', input.monitorId)
      .where('kind', '=', 'heartbeat')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new DialtoneError('not_found', 'monitors.error.notHeartbeat');
    await writeAudit(trx, ctx, {
      action: 'monitor.heartbeat_token_rotated',
      subjectType: 'monitor',
      subjectId: input.monitorId,
    });
  });
  return { token };
}
