/**
 * @module /api/v1/incidents: list, read, declare, post an update, resolve. Staff callers see
 * internal updates too.
 */
import type { Static } from 'typebox';
import { declareIncident } from '#src/services/declare-incident.ts';
import { getIncident } from '#src/services/get-incident.ts';
import { listIncidents } from '#src/services/list-incidents.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { type AppDeps, serviceContext } from '../../../deps.ts';
import { staffActor } from '../../../plugins/guards.ts';
import { textOf as text, withApiPaths } from './api-paths.ts';
import { type Endpoint, endpoint } from './endpoint.ts';
import { presentIncident } from './presenters.ts';
import {
  DeclareIncidentBody,
  IdParams,
  Incident,
  IncidentPage,
  IncidentQuery,
  IncidentUpdateBody,
  ResolveIncidentBody,
} from './schemas.ts';

const components = (list: Static<typeof DeclareIncidentBody>['components'] | undefined) =>
  list?.map((c) => ({ componentId: c.component_id, status: c.status }));

export function incidentEndpoints(deps: AppDeps): Endpoint[] {
  const read = async (id: string) =>
    presentIncident(await getIncident(deps.store.db, id, { includeInternal: true }));
  return [
    endpoint({
      method: 'GET',
      url: '/incidents',
      operationId: 'listIncidents',
      tag: 'incidents',
      role: 'operator',
      querystring: IncidentQuery,
      success: { status: 200, schema: IncidentPage },
      async handler({ query }) {
        const page = await listIncidents(deps.store.db, {
          status: query.status ?? 'all',
          page: query.page ?? 1,
          perPage: query.per_page ?? 20,
          includeInternal: true,
        });
        return {
          incidents: page.incidents.map(presentIncident),
          page: page.page,
          per_page: page.perPage,
          total: page.total,
          pages: page.pages,
        };
      },
    }),
    endpoint({
      method: 'GET',
      url: '/incidents/:id',
      operationId: 'getIncident',
      tag: 'incidents',
      role: 'operator',
      params: IdParams,
      success: { status: 200, schema: Incident },
      handler: ({ params }) => read(params.id),
    }),
    endpoint({
      method: 'POST',
      url: '/incidents',
      operationId: 'declareIncident',
      tag: 'incidents',
      role: 'operator',
      body: DeclareIncidentBody,
      success: { status: 201, schema: Incident },
      example: {
        title: { de: 'Eingehende Anrufe gestört', en: 'Incoming calls disrupted' },
        components: [{ component_id: 'sip-trunk', status: 'partial_outage' }],
        message: { de: 'Wir untersuchen die Ursache.', en: 'We are investigating.' },
      },
      async handler({ body, request, reply }) {
        const ctx = serviceContext(deps, staffActor(request));
        const { id } = await withApiPaths(() =>
          declareIncident({
            ctx,
            input: {
              title: text(body.title),
              impact: body.impact,
              status: body.status,
              components: components(body.components) ?? [],
              message: text(body.message),
              visibility: body.visibility,
              clouds: body.clouds,
            },
          }),
        );
        reply.header('location', `/api/v1/incidents/${encodeURIComponent(id)}`);
        return read(id);
      },
    }),
    endpoint({
      method: 'POST',
      url: '/incidents/:id/updates',
      operationId: 'postIncidentUpdate',
      tag: 'incidents',
      role: 'operator',
      params: IdParams,
      body: IncidentUpdateBody,
      success: { status: 200, schema: Incident },
      conflicts: true,
      example: {
        status: 'identified',
        message: {
          de: 'Ein Router in Frankfurt verwirft Pakete.',
          en: 'A router in Frankfurt drops packets.',
        },
        visibility: 'public',
      },
      async handler({ params, body, request }) {
        const ctx = serviceContext(deps, staffActor(request));
        await withApiPaths(() =>
          postIncidentUpdate({
            ctx,
            input: {
              incidentId: params.id,
              status: body.status,
              message: text(body.message),
              visibility: body.visibility,
              components: components(body.components),
              impact: body.impact,
            },
          }),
        );
        return read(params.id);
      },
    }),
    endpoint({
      method: 'POST',
      url: '/incidents/:id/resolve',
      operationId: 'resolveIncident',
      tag: 'incidents',
      role: 'operator',
      params: IdParams,
      body: ResolveIncidentBody,
      success: { status: 200, schema: Incident },
      conflicts: true,
      example: { message: { de: 'Behoben: Router getauscht.', en: 'Resolved: router replaced.' } },
      async handler({ params, body, request }) {
        const ctx = serviceContext(deps, staffActor(request));
        await withApiPaths(() =>
          resolveIncident({
            ctx,
            input: {
              incidentId: params.id,
              message: text(body.message),
              ...(body.visibility ? { visibility: body.visibility } : {}),
            },
          }),
        );
        return read(params.id);
      },
    }),
  ];
}
