/**
 * @module Posts an update on an open incident: new status, bilingual message (public or
 * internal), optionally new per-component statuses. `resolved` closes the incident. The change
 * is a conditional update (`WHERE resolved_at IS NULL`): of two operators resolving at once,
 * exactly one succeeds; the other gets `invalid_transition`.
 */

import { DialtoneError, type FieldError, notFound, validationError } from '#src/domain/errors.ts';
import {
  type BilingualText,
  checkAffectedComponents,
  checkBilingual,
  fillBilingual,
  type IncidentImpact,
  isIncidentImpact,
  isIncidentStatus,
  maxMessageLength,
  type UpdateVisibility,
  updateVisibilities,
} from '#src/domain/incident.ts';
import { authorOf, type ServiceContext } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { refreshComponentStatus } from './refresh-component-status.ts';
import { writeAudit } from './write-audit.ts';

export interface PostIncidentUpdateInput {
  incidentId: string;
  status: string;
  message: BilingualText;
  visibility?: string | undefined;
  /** When given, replaces the affected components and their statuses. */
  components?: { componentId: string; status: string }[] | undefined;
  impact?: string | undefined;
}

export async function postIncidentUpdate({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PostIncidentUpdateInput;
}) {
  const errors: FieldError[] = [...checkBilingual('message', input.message, maxMessageLength)];
  if (!isIncidentStatus(input.status)) {
    errors.push({ path: 'status', key: 'error.invalidValue', params: { value: input.status } });
  }
  const visibility = (input.visibility ?? 'public') as UpdateVisibility;
  if (!updateVisibilities.includes(visibility)) {
    errors.push({
      path: 'visibility',
      key: 'error.invalidValue',
      params: { value: String(input.visibility) },
    });
  }
  if (input.impact !== undefined && !isIncidentImpact(input.impact)) {
    errors.push({ path: 'impact', key: 'error.invalidValue', params: { value: input.impact } });
  }
  if (input.components) {
    const known = new Set((await ctx.db.selectFrom('components').select('id').execute()).map((c) => c.id));
    errors.push(...checkAffectedComponents(input.components, known));
    if (input.components.length === 0) errors.push({ path: 'components', key: 'error.atLeastOneComponent' });
  }
  if (errors.length > 0) throw validationError(errors);

  const message = fillBilingual(input.message);
  const now = ctx.clock().toISOString();
  const resolving = input.status === 'resolved';

  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('incidents')
      .set((eb) => ({
        status: input.status,
        updated_at: now,
        resolved_at: resolving ? now : null,
        version: eb('version', '+', 1),
        ...(input.impact ? { impact: input.impact as IncidentImpact } : {}),
      }))
      .where('id', '=', input.incidentId)
      .where('resolved_at', 'is', null)
      .returning(['id', 'version'])
      .executeTakeFirst();
    if (!updated) {
      const exists = await trx
        .selectFrom('incidents')
        .select('status')
        .where('id', '=', input.incidentId)
        .executeTakeFirst();
      if (!exists) throw notFound('incident', input.incidentId);
      throw new DialtoneError('invalid_transition', 'error.incidentAlreadyResolved', {
        params: { from: exists.status, to: input.status },
      });
    }
    if (input.components) {
      await trx.deleteFrom('incident_components').where('incident_id', '=', input.incidentId).execute();
      await trx
        .insertInto('incident_components')
        .values(
          input.components.map((c) => ({
            incident_id: input.incidentId,
            component_id: c.componentId,
            status: c.status,
          })),
        )
        .execute();
    }
    const updateId = ctx.newId();
    await trx
      .insertInto('incident_updates')
      .values({
        id: updateId,
        incident_id: input.incidentId,
        status: input.status,
        body_de: message.de,
        body_en: message.en,
        visibility,
        created_at: now,
        author: authorOf(ctx.actor),
      })
      .execute();
    await refreshComponentStatus(trx, ctx);
    if (visibility === 'public') {
      const event = resolving ? 'incident.resolved' : 'incident.updated';
      await enqueueNotifications(trx, ctx, { event, incidentId: input.incidentId, updateId });
    }
    await writeAudit(trx, ctx, {
      action: resolving ? 'incident.resolve' : 'incident.update',
      subjectType: 'incident',
      subjectId: input.incidentId,
      detail: {
        status: input.status,
        visibility,
        ...(input.components ? { components: input.components } : {}),
      },
    });
    return { id: input.incidentId, updateId, version: updated.version };
  });
}
