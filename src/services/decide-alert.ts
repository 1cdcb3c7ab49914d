/**
 * @module An operator's answer to a firing alert whose component waits for confirmation:
 * acknowledge ("seen, looking": the dashboard banner goes), dismiss ("no outage": the alert keeps
 * its history and clears by itself later; it opens nothing). Each is conditional on the alert's
 * current decision, with the audit row in the same transaction. Declaring an incident from an
 * alert is declare-incident-from-alert.ts.
 */
import { DialtoneError, notFound } from '#src/domain/errors.ts';
import type { ServiceContext, Tx } from './context.ts';
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

/** 404 for an unknown alert, else 409 naming what was already decided. */
export async function refuse(trx: Tx, alertId: string, key: string): Promise<never> {
  const row = await trx.selectFrom('alerts').select('decision').where('id', '=', alertId).executeTakeFirst();
  if (!row) throw notFound('alert', alertId);
  throw new DialtoneError('invalid_transition', key, { params: { decision: row.decision } });
}
