/**
 * @module Moves a maintenance window by hand (start early, verify, complete, cancel) with a
 * message. Conditional on the status the operator saw, so two operators cannot both move it.
 */
import { type FieldError, notFound, validationError } from '#src/domain/errors.ts';
import { type BilingualText, checkBilingual, fillBilingual, maxMessageLength } from '#src/domain/incident.ts';
import {
  assertMaintenanceTransition,
  isMaintenanceStatus,
  type MaintenanceStatus,
} from '#src/domain/maintenance.ts';
import type { ServiceContext } from './context.ts';
import { applyMaintenanceTransition } from './maintenance-transition.ts';
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
