/**
 * @module Pause or resume a monitor from the console (maintenance on the target, a noisy probe).
 * Kept apart from the catalog's `enabled`, which a catalog apply overwrites. Resuming starts the
 * monitor afresh in state `unknown`, so a heartbeat is not judged by pings it could not get while
 * paused. Conditional on the current pause state; audited in the same transaction.
 */
import { DialtoneError, notFound } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { writeAudit } from './write-audit.ts';

export async function setMonitorPaused({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { monitorId: string; paused: boolean };
}): Promise<void> {
  const at = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('monitors')
      .set(
        input.paused ? { paused_at: at, paused_by: ctx.actor.label } : { paused_at: null, paused_by: null },
      )
      .where('id', '=', input.monitorId)
      .where('paused_at', input.paused ? 'is' : 'is not', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      const exists = await trx
        .selectFrom('monitors')
        .select('id')
        .where('id', '=', input.monitorId)
        .executeTakeFirst();
      if (!exists) throw notFound('monitor', input.monitorId);
      throw new DialtoneError(
        'invalid_transition',
        input.paused ? 'monitors.error.alreadyPaused' : 'monitors.error.notPaused',
      );
    }
    if (!input.paused) {
      await trx
        .updateTable('monitor_state')
        .set({ state: 'unknown', consecutive_failures: 0, since: at, last_detail: '' })
        .where('monitor_id', '=', input.monitorId)
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: input.paused ? 'monitor.pause' : 'monitor.resume',
      subjectType: 'monitor',
      subjectId: input.monitorId,
    });
  });
}
