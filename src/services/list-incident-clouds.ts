/**
 * @module listIncidentClouds: the clouds an open incident names (none: every cloud), sorted.
 */
import type { Tx } from './context.ts';

export async function listIncidentClouds(db: Tx, incidentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('incident_clouds')
    .select('cloud_name')
    .where('incident_id', '=', incidentId)
    .orderBy('cloud_name')
    .execute();
  return rows.map((r) => r.cloud_name);
}
