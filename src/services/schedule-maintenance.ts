/**
 * @module Schedules a maintenance window on components with a bilingual title and message. It
 * starts and ends by itself (see advanceMaintenanceSchedule).
 */
import { type FieldError, validationError } from '#src/domain/errors.ts';
import {
  type BilingualText,
  checkBilingual,
  fillBilingual,
  maxMessageLength,
  maxTitleLength,
} from '#src/domain/incident.ts';
import { checkWindow } from '#src/domain/maintenance.ts';
import { advanceMaintenanceSchedule } from './advance-maintenance-schedule.ts';
import { authorOf, type ServiceContext } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { refreshComponentStatus } from './refresh-component-status.ts';
import { writeAudit } from './write-audit.ts';

export interface ScheduleMaintenanceInput {
  title: BilingualText;
  message: BilingualText;
  componentIds: string[];
  scheduledStart: string;
  scheduledEnd: string;
}

export async function scheduleMaintenance({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ScheduleMaintenanceInput;
}) {
  const known = new Set((await ctx.db.selectFrom('components').select('id').execute()).map((c) => c.id));
  const start = new Date(input.scheduledStart);
  const end = new Date(input.scheduledEnd);
  const errors: FieldError[] = [
    ...checkBilingual('title', input.title, maxTitleLength),
    ...checkBilingual('message', input.message, maxMessageLength),
    ...checkWindow(start, end),
  ];
  if (input.componentIds.length === 0)
    errors.push({ path: 'componentIds', key: 'error.atLeastOneComponent' });
  input.componentIds.forEach((id, i) => {
    if (!known.has(id))
      errors.push({ path: `componentIds[${i}]`, key: 'error.unknownComponent', params: { id } });
  });
  if (new Set(input.componentIds).size !== input.componentIds.length) {
    errors.push({ path: 'componentIds', key: 'error.duplicateComponent', params: { id: '' } });
  }
  if (errors.length > 0) throw validationError(errors);

  const title = fillBilingual(input.title);
  const message = fillBilingual(input.message);
  const now = ctx.clock().toISOString();
  const id = ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('maintenances')
      .values({
        id,
        title_de: title.de,
        title_en: title.en,
        status: 'scheduled',
        scheduled_start: start.toISOString(),
        scheduled_end: end.toISOString(),
        started_at: null,
        completed_at: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await trx
      .insertInto('maintenance_components')
      .values(input.componentIds.map((componentId) => ({ maintenance_id: id, component_id: componentId })))
      .execute();
    await trx
      .insertInto('maintenance_updates')
      .values({
        id: ctx.newId(),
        maintenance_id: id,
        status: 'scheduled',
        body_de: message.de,
        body_en: message.en,
        created_at: now,
        author: authorOf(ctx.actor),
      })
      .execute();
    await refreshComponentStatus(trx, ctx);
    await enqueueNotifications(trx, ctx, { event: 'maintenance.scheduled', maintenanceId: id });
    await writeAudit(trx, ctx, {
      action: 'maintenance.schedule',
      subjectType: 'maintenance',
      subjectId: id,
      detail: {
        title: title.en,
        scheduledStart: start.toISOString(),
        scheduledEnd: end.toISOString(),
        componentIds: input.componentIds,
      },
    });
  });
  // A window scheduled to start now (or in the past) starts at once, not at the next tick.
  await advanceMaintenanceSchedule({ ctx });
  return { id };
}
