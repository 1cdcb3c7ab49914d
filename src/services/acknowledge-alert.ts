/**
 * @module acknowledgeAlert: an operator's answer to a firing alert whose component waits for
 * confirmation, "seen, looking": the dashboard banner goes. Conditional on the alert not being
 * acknowledged yet, with the audit row in the same transaction.
 */
import { refuse } from './alert-refusal.ts';
import type { ServiceContext } from './context.ts';
import { writeAudit } from './write-audit.ts';

export async function acknowledgeAlert({ ctx, input }: { ctx: ServiceContext; input: { alertId: string } }) {
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('alerts')
      .set({ acknowledged_by: ctx.actor.label, acknowledged_at: now })
      .where('id', '=', input.alertId)
      .where('acknowledged_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!row) await refuse(trx, input.alertId, 'alerts.error.alreadyAcknowledged');
    await writeAudit(trx, ctx, {
      action: 'alert.acknowledge',
      subjectType: 'alert',
      subjectId: input.alertId,
    });
  });
}
