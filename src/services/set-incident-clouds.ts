/**
 * @module setIncidentClouds: replaces the clouds an open incident names (none: every cloud).
 * Replacing is conditional on the incident being open (`WHERE resolved_at IS NULL`), bumps its
 * version and writes the audit row in the same transaction. Reports already filed keep their
 * link; the list decides where reports filed from now on are linked by themselves.
 */
import { DialtoneError, notFound, validationError } from '#src/domain/errors.ts';
import { parseCloudNames } from '#src/domain/incident-clouds.ts';
import type { ServiceContext } from './context.ts';
import { listIncidentClouds } from './list-incident-clouds.ts';
import { writeAudit } from './write-audit.ts';

export async function setIncidentClouds({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { incidentId: string; clouds: readonly string[] };
}): Promise<{ clouds: string[]; changed: boolean }> {
  const parsed = parseCloudNames(input.clouds, 'clouds');
  if (parsed.errors.length > 0) throw validationError(parsed.errors);
  const clouds = [...parsed.names].sort();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await listIncidentClouds(trx, input.incidentId);
    const open = await trx
      .selectFrom('incidents')
      .select(['status', 'resolved_at'])
      .where('id', '=', input.incidentId)
      .executeTakeFirst();
    if (!open) throw notFound('incident', input.incidentId);
    if (before.join('\n') === clouds.join('\n')) return { clouds, changed: false };
    const updated = await trx
      .updateTable('incidents')
      .set((eb) => ({ updated_at: ctx.clock().toISOString(), version: eb('version', '+', 1) }))
      .where('id', '=', input.incidentId)
      .where('resolved_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      throw new DialtoneError('invalid_transition', 'error.incidentAlreadyResolved', {
        params: { from: open.status, to: open.status },
      });
    }
    await trx.deleteFrom('incident_clouds').where('incident_id', '=', input.incidentId).execute();
    if (clouds.length > 0) {
      await trx
        .insertInto('incident_clouds')
        .values(clouds.map((cloud_name) => ({ incident_id: input.incidentId, cloud_name })))
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: 'incident.clouds',
      subjectType: 'incident',
      subjectId: input.incidentId,
      detail: { from: before, to: clouds },
    });
    return { clouds, changed: true };
  });
}
