/**
 * @module dismissAlert: an operator's answer to a firing alert whose component waits for
 * confirmation, "no outage": the alert keeps its history and clears by itself later; it opens
 * nothing. Conditional on the alert's decision still pending, with the audit row in the same
 * transaction. Declaring an incident from an alert is declare-incident-from-alert.ts.
 */
import { refuse } from './alert-refusal.ts';
import type { ServiceContext } from './context.ts';
import { writeAudit } from './write-audit.ts';

export async function dismissAlert({ ctx, input }: { ctx: ServiceContext; input: { alertId: string } }) {
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('alerts')
      .set({ decision: 'dismissed', decided_by: ctx.actor.label, decided_at: now })
      .where('id', '=', input.alertId)
      .where('decision', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!row) await refuse(trx, input.alertId, 'alerts.error.alreadyDecided');
    await writeAudit(trx, ctx, { action: 'alert.dismiss', subjectType: 'alert', subjectId: input.alertId });
  });
}
