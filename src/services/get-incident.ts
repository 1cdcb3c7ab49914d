/**
 * @module One incident with its full timeline; internal updates only for staff.
 */
import { notFound } from '#src/domain/errors.ts';
import type { Tx } from './context.ts';
import { loadIncidentViews } from './load-incident-views.ts';
import type { IncidentView } from './views.ts';

export async function getIncident(
  db: Tx,
  id: string,
  options: { includeInternal: boolean },
): Promise<IncidentView> {
  const [incident] = await loadIncidentViews(db, [id], options);
  if (!incident) throw notFound('incident', id);
  return incident;
}
