/**
 * @module Records one probe result: appends the check and moves the monitor's state by the pure
 * rules (domain/monitor.ts) in one transaction. The state update is conditional on the state
 * read, so a concurrent writer (a heartbeat ping, a second process after a lease hand-over) makes
 * this one retry on fresh data instead of overwriting it.
 */
import type { ProbeResult } from '#src/adapters/probes/probe.ts';
import { type MonitorState, type MonitorStatus, nextMonitorState } from '#src/domain/monitor.ts';
import type { ServiceContext, Tx } from './context.ts';

export interface RecordProbeResultInput {
  monitorId: string;
  result: ProbeResult;
}

export interface RecordedState extends MonitorStatus {
  changed: boolean;
}

/** Detail texts are short; a peer's long error string is cut (characters). */
const maxDetail = 300;

export async function recordProbeResult({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RecordProbeResultInput;
}): Promise<RecordedState | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const outcome = await ctx.db.transaction().execute((trx) => attemptRecord(trx, ctx, input));
    if (outcome !== 'conflict') return outcome;
  }
  return null;
}

async function attemptRecord(
  trx: Tx,
  ctx: ServiceContext,
  { monitorId, result }: RecordProbeResultInput,
): Promise<RecordedState | 'conflict' | null> {
  const now = ctx.clock();
  const at = now.toISOString();
  const monitor = await trx
    .selectFrom('monitors')
    .leftJoin('monitor_state', 'monitor_state.monitor_id', 'monitors.id')
    .select([
      'monitors.down_after',
      'monitor_state.state',
      'monitor_state.consecutive_failures',
      'monitor_state.since',
    ])
    .where('monitors.id', '=', monitorId)
    .executeTakeFirst();
  if (!monitor) return null;
  const prev: MonitorStatus = {
    state: (monitor.state ?? 'unknown') as MonitorState,
    consecutiveFailures: monitor.consecutive_failures ?? 0,
    since: monitor.since ?? at,
  };
  const next = nextMonitorState(prev, result.outcome, monitor.down_after, now);
  const detail = result.detail.slice(0, maxDetail);
  const values = {
    state: next.state,
    consecutive_failures: next.consecutiveFailures,
    since: next.since,
    last_checked_at: at,
    last_rtt_ms: Math.round(result.rttMs),
    last_code: result.code ?? null,
    last_detail: detail,
  };
  if (monitor.state === null) {
    await trx
      .insertInto('monitor_state')
      .values({ monitor_id: monitorId, ...values })
      .execute();
  } else {
    const updated = await trx
      .updateTable('monitor_state')
      .set(values)
      .where('monitor_id', '=', monitorId)
      .where('state', '=', prev.state)
      .where('consecutive_failures', '=', prev.consecutiveFailures)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return 'conflict';
  }
  await trx
    .insertInto('monitor_checks')
    .values({
      monitor_id: monitorId,
      at,
      outcome: result.outcome,
      rtt_ms: Math.round(result.rttMs),
      code: result.code ?? null,
      detail,
    })
    .execute();
  return next;
}
