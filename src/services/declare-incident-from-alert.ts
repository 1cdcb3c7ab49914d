/**
 * @module Declares an incident from a firing alert (the operator's click under `confirm` policy),
 * with the text the console prefilled and the operator may have edited. One transaction: the
 * alert is claimed (conditional on its decision still being `pending`, so two operators clicking
 * at once open one incident), the incident is written, the alert linked, both audited.
 */
import type { BilingualText } from '#src/domain/incident.ts';
import { refuse } from './alert-refusal.ts';
import type { ServiceContext } from './context.ts';
import { type DeclareIncidentInput, insertIncident, prepareIncident } from './incident-declaration.ts';
import { writeAudit } from './write-audit.ts';

export interface DeclareFromAlertInput {
  alertId: string;
  title: BilingualText;
  message: BilingualText;
  /** Status of the alert's component in the incident (`partial_outage`, `major_outage`, …). */
  componentStatus: string;
  impact?: string | undefined;
}

export async function declareIncidentFromAlert({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: DeclareFromAlertInput;
}): Promise<{ id: string }> {
  const alert = await ctx.db
    .selectFrom('alerts')
    .select(['id', 'component_id'])
    .where('id', '=', input.alertId)
    .executeTakeFirst();
  if (!alert) await refuse(ctx.db, input.alertId, 'alerts.error.alreadyDecided');
  const declaration: DeclareIncidentInput = {
    title: input.title,
    message: input.message,
    impact: input.impact,
    status: 'investigating',
    components: [{ componentId: alert!.component_id, status: input.componentStatus }],
  };
  // Every field's problem at once, before anything is written.
  const prepared = await prepareIncident(ctx, declaration);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('alerts')
      .set({ decision: 'declared', decided_by: ctx.actor.label, decided_at: now })
      .where('id', '=', input.alertId)
      .where('decision', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!claimed) await refuse(trx, input.alertId, 'alerts.error.alreadyDecided');
    const { id } = await insertIncident(trx, ctx, prepared);
    await trx.updateTable('alerts').set({ incident_id: id }).where('id', '=', input.alertId).execute();
    await writeAudit(trx, ctx, {
      action: 'alert.declare',
      subjectType: 'alert',
      subjectId: input.alertId,
      detail: { incidentId: id },
    });
    return { id };
  });
}
