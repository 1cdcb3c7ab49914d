/**
 * @module The conditional status change of a maintenance window, inside the caller's transaction,
 * shared by postMaintenanceUpdate (by hand) and advanceMaintenanceSchedule (the scheduler):
 * conditional on the status it was seen in, with the optional message, the component status
 * refresh and the subscribers' notice when work begins or is over.
 */
import { DialtoneError } from '#src/domain/errors.ts';
import type { BilingualText } from '#src/domain/incident.ts';
import type { MaintenanceStatus } from '#src/domain/maintenance.ts';
import { authorOf, type ServiceContext } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { refreshComponentStatus } from './refresh-component-status.ts';

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
