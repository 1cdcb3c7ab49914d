/**
 * @module An admin sends a dead letter again: conditional UPDATE (`WHERE state = 'dead'`) back to
 * pending, due now, with a few more attempts allowed; the audit row in the same transaction. Two
 * admins pressing "retry" at once: one wins, the other gets `invalid_transition`.
 */
import { DialtoneError, notFound } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { writeAudit } from './write-audit.ts';

/** Attempts a retried message gets before it is a dead letter again. */
export const retryAttempts = 3;

export async function retryNotification({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('notifications')
      .set((eb) => ({
        state: 'pending',
        next_attempt_at: now,
        attempt_limit: eb('attempts', '+', retryAttempts),
        claimed_by: null,
        claimed_until: null,
      }))
      .where('id', '=', input.id)
      .where('state', '=', 'dead')
      .returning(['id', 'event', 'kind', 'attempts'])
      .executeTakeFirst();
    if (!updated) {
      const row = await trx
        .selectFrom('notifications')
        .select('state')
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!row) throw notFound('notification', input.id);
      throw new DialtoneError('invalid_transition', 'notifications.error.notDead', {
        params: { state: row.state },
      });
    }
    await writeAudit(trx, ctx, {
      action: 'notification.retry',
      subjectType: 'notification',
      subjectId: input.id,
      detail: { event: updated.event, kind: updated.kind, attempts: updated.attempts },
    });
    return { id: updated.id };
  });
}
