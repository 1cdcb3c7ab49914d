/**
 * @module Declares an incident: title, impact, affected components with their status, and the
 * first message. One transaction: incident, components, first update, status intervals, audit.
 */

import { type FieldError, validationError } from '#src/domain/errors.ts';
import {
  type AffectedComponentInput,
  type BilingualText,
  checkAffectedComponents,
  checkBilingual,
  fillBilingual,
  type IncidentImpact,
  type IncidentStatus,
  impactFromComponents,
  isIncidentImpact,
  isIncidentStatus,
  maxMessageLength,
  maxTitleLength,
  type UpdateVisibility,
} from '#src/domain/incident.ts';
import { authorOf, type ServiceContext } from './context.ts';
import { refreshComponentStatus } from './refresh-component-status.ts';
import { writeAudit } from './write-audit.ts';

export interface DeclareIncidentInput {
  title: BilingualText;
  /** Omitted: derived from the worst affected component. */
  impact?: string | undefined;
  status?: string | undefined;
  components: { componentId: string; status: string }[];
  message: BilingualText;
  visibility?: UpdateVisibility | undefined;
}

export async function declareIncident({ ctx, input }: { ctx: ServiceContext; input: DeclareIncidentInput }) {
  const status: IncidentStatus =
    input.status === undefined ? 'investigating' : (input.status as IncidentStatus);
  const known = new Set((await ctx.db.selectFrom('components').select('id').execute()).map((c) => c.id));
  const errors: FieldError[] = [
    ...checkBilingual('title', input.title, maxTitleLength),
    ...checkBilingual('message', input.message, maxMessageLength),
    ...checkAffectedComponents(input.components, known),
  ];
  if (input.components.length === 0) errors.push({ path: 'components', key: 'error.atLeastOneComponent' });
  if (input.impact !== undefined && !isIncidentImpact(input.impact)) {
    errors.push({ path: 'impact', key: 'error.invalidValue', params: { value: input.impact } });
  }
  if (!isIncidentStatus(status) || status === 'resolved') {
    errors.push({ path: 'status', key: 'error.invalidValue', params: { value: String(input.status) } });
  }
  if (errors.length > 0) throw validationError(errors);

  const components = input.components as AffectedComponentInput[];
  const impact = (input.impact as IncidentImpact | undefined) ?? impactFromComponents(components);
  const title = fillBilingual(input.title);
  const message = fillBilingual(input.message);
  const now = ctx.clock().toISOString();
  const id = ctx.newId();

  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('incidents')
      .values({
        id,
        title_de: title.de,
        title_en: title.en,
        impact,
        status,
        created_at: now,
        updated_at: now,
        resolved_at: null,
        version: 1,
      })
      .execute();
    await trx
      .insertInto('incident_components')
      .values(components.map((c) => ({ incident_id: id, component_id: c.componentId, status: c.status })))
      .execute();
    await trx
      .insertInto('incident_updates')
      .values({
        id: ctx.newId(),
        incident_id: id,
        status,
        body_de: message.de,
        body_en: message.en,
        visibility: input.visibility ?? 'public',
        created_at: now,
        author: authorOf(ctx.actor),
      })
      .execute();
    await refreshComponentStatus(trx, ctx);
    await writeAudit(trx, ctx, {
      action: 'incident.declare',
      subjectType: 'incident',
      subjectId: id,
      detail: { title: title.en, impact, status, components },
    });
    return { id };
  });
}
