/**
 * @module Declaring an incident in two parts, so a verb can declare inside its own transaction
 * (declareIncident, from reports, from an alert, a raised alert's automatic incident):
 * `prepareIncident` checks title, impact, affected components with their status, the first
 * message and the clouds (domain/incident-clouds.ts), every field's problem at once;
 * `insertIncident` writes incident, components, clouds, first update, status intervals and audit.
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
import { parseCloudNames } from '#src/domain/incident-clouds.ts';
import { authorOf, type ServiceContext, type Tx } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
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
  /** Cloud host names the incident concerns; none: every cloud. */
  clouds?: readonly string[] | undefined;
}

export type PreparedIncident = Awaited<ReturnType<typeof prepareIncident>>;

/** Checks the input (every field's problem at once) and fills in what is derived. */
export async function prepareIncident(ctx: ServiceContext, input: DeclareIncidentInput) {
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
  const clouds = parseCloudNames(input.clouds ?? [], 'clouds');
  errors.push(...clouds.errors);
  if (errors.length > 0) throw validationError(errors);

  const components = input.components as AffectedComponentInput[];
  const impact = (input.impact as IncidentImpact | undefined) ?? impactFromComponents(components);
  const title = fillBilingual(input.title);
  const message = fillBilingual(input.message);
  return { status, impact, components, title, message, clouds: clouds.names, visibility: input.visibility };
}

/** Writes a prepared incident inside the caller's transaction. */
export async function insertIncident(trx: Tx, ctx: ServiceContext, p: PreparedIncident) {
  const { status, impact, components, title, message, clouds } = p;
  const now = ctx.clock().toISOString();
  const id = ctx.newId();
  const firstUpdateId = ctx.newId();
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
      id: firstUpdateId,
      incident_id: id,
      status,
      body_de: message.de,
      body_en: message.en,
      visibility: p.visibility ?? 'public',
      created_at: now,
      author: authorOf(ctx.actor),
    })
    .execute();
  if (clouds.length > 0) {
    await trx
      .insertInto('incident_clouds')
      .values(clouds.map((cloud_name) => ({ incident_id: id, cloud_name })))
      .execute();
  }
  await refreshComponentStatus(trx, ctx);
  if ((p.visibility ?? 'public') === 'public') {
    await enqueueNotifications(trx, ctx, {
      event: 'incident.declared',
      incidentId: id,
      updateId: firstUpdateId,
    });
  }
  await writeAudit(trx, ctx, {
    action: 'incident.declare',
    subjectType: 'incident',
    subjectId: id,
    detail: { title: title.en, impact, status, components, ...(clouds.length > 0 ? { clouds } : {}) },
  });
  return { id };
}
