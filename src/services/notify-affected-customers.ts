/**
 * @module Writes to the customers an incident affects, from the inventory, on their contact's
 * channel (email, else SMS) — without a subscription, because in the seed texts customers were
 * never told at all. Addresses that opted out are left out. The message is the incident's latest
 * public update; with `follow`, later public updates and the resolution go to them too. Sending
 * again reaches only contacts not yet written to about that update (the outbox's idempotency
 * key), so a double click sends nothing twice. One transaction: outbox rows, the incident's
 * communication state and the audit row.
 *
 * @example
 * await notifyAffectedCustomers({ ctx, input: { incidentId, follow: true } }) // → { queued: 41, reachable: 41 }
 */
import { conflict, notFound } from '#src/domain/errors.ts';
import type { ServiceContext, Tx } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { affectedRecipients } from './list-affected-customers.ts';
import { writeAudit } from './write-audit.ts';

export async function notifyAffectedCustomers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { incidentId: string; follow: boolean };
}): Promise<{ queued: number; reachable: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const incident = await trx
      .selectFrom('incidents')
      .select(['id', 'resolved_at'])
      .where('id', '=', input.incidentId)
      .executeTakeFirst();
    if (!incident) throw notFound('incident', input.incidentId);
    if (incident.resolved_at) throw conflict('aftercare.error.resolved');
    const update = await latestPublicUpdate(trx, input.incidentId);
    const recipients = await affectedRecipients(trx, input.incidentId);
    const queued = update
      ? await enqueueNotifications(trx, ctx, {
          event: 'incident.affected',
          incidentId: input.incidentId,
          updateId: update,
          recipients,
        })
      : 0;
    const now = ctx.clock().toISOString();
    const follow = input.follow ? 1 : 0;
    await trx
      .insertInto('incident_communications')
      .values({
        incident_id: input.incidentId,
        notify_affected: follow,
        affected_notified_at: now,
        affected_notified_count: queued,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('incident_id').doUpdateSet((eb) => ({
          notify_affected: follow,
          affected_notified_at: now,
          affected_notified_count: eb('incident_communications.affected_notified_count', '+', queued),
          updated_at: now,
        })),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: 'incident.affected_notified',
      subjectType: 'incident',
      subjectId: input.incidentId,
      detail: { queued, reachable: recipients.length, follow: input.follow },
    });
    return { queued, reachable: recipients.length };
  });
}

async function latestPublicUpdate(trx: Tx, incidentId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('incident_updates')
    .select('id')
    .where('incident_id', '=', incidentId)
    .where('visibility', '=', 'public')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}
