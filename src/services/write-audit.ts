/**
 * @module The audit row of a staff action, written in the same transaction as the change it
 * records: either both are there or neither.
 */
import type { ServiceContext, Tx } from './context.ts';

export async function writeAudit(
  trx: Tx,
  ctx: ServiceContext,
  entry: { action: string; subjectType: string; subjectId: string | null; detail?: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: ctx.newId(),
      at: ctx.clock().toISOString(),
      actor_type: ctx.actor.type,
      actor_id: ctx.actor.id,
      actor_label: ctx.actor.label,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
