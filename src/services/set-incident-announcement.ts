/**
 * @module An operator's own hotline announcement for an incident (German and English), replacing
 * the generated sentences; empty texts go back to the generated ones. Plain text for speech,
 * at most 1,000 characters per language. One transaction with the audit row.
 */
import { type FieldError, notFound, validationError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { writeAudit } from './write-audit.ts';

const maxLength = 1000;

export async function setIncidentAnnouncement({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { incidentId: string; de: string; en: string };
}): Promise<void> {
  const de = input.de.trim();
  const en = input.en.trim();
  const errors: FieldError[] = [];
  if (de.length > maxLength)
    errors.push({ path: 'announcement_de', key: 'error.tooLong', params: { max: maxLength } });
  if (en.length > maxLength)
    errors.push({ path: 'announcement_en', key: 'error.tooLong', params: { max: maxLength } });
  if (errors.length) throw validationError(errors);
  await ctx.db.transaction().execute(async (trx) => {
    const incident = await trx
      .selectFrom('incidents')
      .select('id')
      .where('id', '=', input.incidentId)
      .executeTakeFirst();
    if (!incident) throw notFound('incident', input.incidentId);
    const now = ctx.clock().toISOString();
    await trx
      .insertInto('incident_communications')
      .values({
        incident_id: input.incidentId,
        announcement_de: de || null,
        announcement_en: en || null,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .column('incident_id')
          .doUpdateSet({ announcement_de: de || null, announcement_en: en || null, updated_at: now }),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: de || en ? 'incident.announcement_set' : 'incident.announcement_cleared',
      subjectType: 'incident',
      subjectId: input.incidentId,
      detail: { de, en },
    });
  });
}
