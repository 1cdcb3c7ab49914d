/**
 * @module /api/v1/incidents/:id/clouds: the clouds an incident names (none: every cloud). A report
 * on a cloud links by itself only to an open incident that names its cloud or none. Read it, or
 * replace the whole list (POST) while the incident is open.
 */
import { Type } from 'typebox';
import { getIncident } from '#src/services/get-incident.ts';
import { listIncidentClouds } from '#src/services/list-incident-clouds.ts';
import { setIncidentClouds } from '#src/services/set-incident-clouds.ts';
import { type AppDeps, serviceContext } from '../../../deps.ts';
import { staffActor } from '../../../plugins/guards.ts';
import { withApiPaths } from './api-paths.ts';
import { type Endpoint, endpoint } from './endpoint.ts';
import { IdParams } from './schemas.ts';

const CloudList = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 200,
  description: 'api.field.clouds',
});

export const IncidentClouds = Type.Object(
  { incident_id: Type.String(), clouds: CloudList },
  { additionalProperties: false },
);
export const IncidentCloudsBody = Type.Object({ clouds: CloudList }, { additionalProperties: false });

export function incidentCloudEndpoints(deps: AppDeps): Endpoint[] {
  const read = async (id: string) => {
    // 404 for an incident that does not exist, not an empty list.
    await getIncident(deps.store.db, id, { includeInternal: false });
    return { incident_id: id, clouds: await listIncidentClouds(deps.store.db, id) };
  };
  return [
    endpoint({
      method: 'GET',
      url: '/incidents/:id/clouds',
      operationId: 'getIncidentClouds',
      tag: 'incidents',
      role: 'operator',
      params: IdParams,
      success: { status: 200, schema: IncidentClouds },
      handler: ({ params }) => read(params.id),
    }),
    endpoint({
      method: 'POST',
      url: '/incidents/:id/clouds',
      operationId: 'setIncidentClouds',
      tag: 'incidents',
      role: 'operator',
      params: IdParams,
      body: IncidentCloudsBody,
      success: { status: 200, schema: IncidentClouds },
      conflicts: true,
      example: { clouds: ['maxmuster.example-cloud.com'] },
      async handler({ params, body, request }) {
        const ctx = serviceContext(deps, staffActor(request));
        const { clouds } = await withApiPaths(() =>
          setIncidentClouds({ ctx, input: { incidentId: params.id, clouds: body.clouds } }),
        );
        return { incident_id: params.id, clouds };
      },
    }),
  ];
}
