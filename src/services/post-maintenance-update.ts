/**
 * @module Moves a maintenance window by hand (start early, verify, complete, cancel) with a
 * message. Conditional on the status the operator saw, so two operators cannot both move it.
 */
import { DialtoneError, type FieldError, notFound, validationError } from '#src/domain/errors.ts';
import { type BilingualText, checkBilingual, fillBilingual, maxMessageLength } from '#src/domain/incident.ts';
import {
  assertMaintenanceTransition,
  isMaintenanceStatus,
  type MaintenanceStatus,
} from '#src/domain/maintenance.ts';
import { authorOf, type ServiceContext } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { refreshComponentStatus } from './refresh-component-status.ts';
import { writeAudit } from './write-audit.ts';

export interface PostMaintenanceUpdateInput {
  maintenanceId: string;
  status: string;
  message: BilingualText;
}

export async function postMaintenanceUpdate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PostMaintenanceUpdateInput;
}) {
  const errors: FieldError[] = [...checkBilingual('message', input.message, maxMessageLength, false)];
  if (!isMaintenanceStatus(input.status))
    errors.push({ path: 'status', key: 'error.invalidValue', params: { value: input.status } });
  if (errors.length > 0) throw validationError(errors);
  const to = input.status as MaintenanceStatus;
  const message = fillBilingual(input.message);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('maintenances')
      .select(['status'])
      .where('id', '=', input.maintenanceId)
      .executeTakeFirst();
    if (!current) throw notFound('maintenance', input.maintenanceId);
    assertMaintenanceTransition(current.status, to);
    await applyMaintenanceTransition(trx, ctx, input.maintenanceId, current.status, to, message);
    await writeAudit(trx, ctx, {
      action: `maintenance.${to}`,
      subjectType: 'maintenance',
      subjectId: input.maintenanceId,
      detail: { from: current.status, to },
    });
    return { id: input.maintenanceId, status: to };
  });
}

/** The conditional state change shared by manual moves and the scheduler. */
export async function applyMaintenanceTransition(
  trx: Parameters<typeof refreshComponentStatus>[0],
  ctx: ServiceContext,
  id: string,
  from: string,
  to: MaintenanceStatus,
  message: BilingualText,
): Promise<void> {
  const now = ctx.clock().toISOString();
  const updated = await trx
    .updateTable('maintenances')
    .set((eb) => ({
      status: to,
      updated_at: now,
      version: eb('version', '+', 1),
      ...(to === 'in_progress' ? { started_at: now } : {}),
      ...(to === 'completed' || to === 'cancelled' ? { completed_at: now } : {}),
    }))
    .where('id', '=', id)
    .where('status', '=', from)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw new DialtoneError('conflict', 'error.changedMeanwhile');
  if (message.de || message.en) {
    await trx
      .insertInto('maintenance_updates')
      .values({
        id: ctx.newId(),
        maintenance_id: id,
        status: to,
        body_de: message.de,
        body_en: message.en,
        created_at: now,
        author: authorOf(ctx.actor),
      })
      .execute();
  }
  await refreshComponentStatus(trx, ctx);
  // Subscribers hear when work begins and when it is over (by hand or by the scheduler).
  if (to === 'in_progress')
    await enqueueNotifications(trx, ctx, { event: 'maintenance.started', maintenanceId: id });
  if (to === 'completed')
    await enqueueNotifications(trx, ctx, { event: 'maintenance.completed', maintenanceId: id });
}
