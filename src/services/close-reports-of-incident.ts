/**
 * @module After an incident is resolved: every report still linked to it is closed with reason
 * `resolved`, each with the same closing message (kept as a comment on each report), in one
 * transaction with one audit row naming them all.
 */
import { DialtoneError, notFound } from '#src/domain/errors.ts';
import { authorOf, type ServiceContext } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { checkText } from './report-transition.ts';
import { writeAudit } from './write-audit.ts';

export async function closeReportsOfIncident({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { incidentId: string; message: string };
}) {
  const message = checkText('message', input.message);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const incident = await trx
      .selectFrom('incidents')
      .select(['status', 'resolved_at'])
      .where('id', '=', input.incidentId)
      .executeTakeFirst();
    if (!incident) throw notFound('incident', input.incidentId);
    if (incident.resolved_at === null) {
      throw new DialtoneError('invalid_transition', 'console.reports.error.incidentNotResolved', {
        params: { status: incident.status },
      });
    }
    const closed = await trx
      .updateTable('reports')
      .set((eb) => ({
        state: 'closed',
        close_reason: 'resolved',
        closed_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('incident_id', '=', input.incidentId)
      .where('state', '=', 'linked')
      .returning('id')
      .execute();
    const ids = closed.map((r) => r.id).sort();
    if (ids.length > 0) {
      const author = authorOf(ctx.actor);
      await trx
        .insertInto('report_comments')
        .values(
          ids.map((reportId) => ({
            id: ctx.newId(),
            report_id: reportId,
            author,
            body: message,
            created_at: now,
          })),
        )
        .execute();
    }
    // Every reporter gets the closing message.
    for (const reportId of ids)
      await enqueueNotifications(trx, ctx, { event: 'report.state_changed', reportId });
    await writeAudit(trx, ctx, {
      action: 'report.close_all',
      subjectType: 'incident',
      subjectId: input.incidentId,
      detail: { reportIds: ids, reason: 'resolved' },
    });
    return { closed: ids.length };
  });
}
