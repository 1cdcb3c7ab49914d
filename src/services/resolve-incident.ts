/**
 * @module Resolves an incident: a final update with status `resolved`. Race-safe through
 * postIncidentUpdate's conditional update.
 */
import type { BilingualText } from '#src/domain/incident.ts';
import type { ServiceContext } from './context.ts';
import { postIncidentUpdate } from './post-incident-update.ts';

export async function resolveIncident({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { incidentId: string; message: BilingualText; visibility?: string };
}) {
  return postIncidentUpdate({ ctx, input: { ...input, status: 'resolved' } });
}
