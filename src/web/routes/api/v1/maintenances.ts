/**
 * @module /api/v1/maintenances: list by state, read, schedule, move on by hand.
 */
import { getMaintenance } from '#src/services/get-maintenance.ts';
import { listMaintenances } from '#src/services/list-maintenances.ts';
import { postMaintenanceUpdate } from '#src/services/post-maintenance-update.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { type AppDeps, serviceContext } from '../../../deps.ts';
import { staffActor } from '../../../plugins/guards.ts';
import { textOf as text, withApiPaths } from './api-paths.ts';
import { type Endpoint, endpoint } from './endpoint.ts';
import { presentMaintenance } from './presenters.ts';
import {
  IdParams,
  Maintenance,
  MaintenanceList,
  MaintenanceQuery,
  MaintenanceUpdateBody,
  ScheduleMaintenanceBody,
} from './schemas.ts';

export function maintenanceEndpoints(deps: AppDeps): Endpoint[] {
  const read = async (id: string) => presentMaintenance(await getMaintenance(deps.store.db, id));
  return [
    endpoint({
      method: 'GET',
      url: '/maintenances',
      operationId: 'listMaintenances',
      tag: 'maintenances',
      role: 'operator',
      querystring: MaintenanceQuery,
      success: { status: 200, schema: MaintenanceList },
      async handler({ query }) {
        const list = await listMaintenances(deps.store.db, {
          filter: query.filter ?? 'all',
          limit: query.limit ?? 50,
        });
        return { maintenances: list.map(presentMaintenance) };
      },
    }),
    endpoint({
      method: 'GET',
      url: '/maintenances/:id',
      operationId: 'getMaintenance',
      tag: 'maintenances',
      role: 'operator',
      params: IdParams,
      success: { status: 200, schema: Maintenance },
      handler: ({ params }) => read(params.id),
    }),
    endpoint({
      method: 'POST',
      url: '/maintenances',
      operationId: 'scheduleMaintenance',
      tag: 'maintenances',
      role: 'operator',
      body: ScheduleMaintenanceBody,
      success: { status: 201, schema: Maintenance },
      example: {
        title: { de: 'Update der Vermittlungstechnik', en: 'Switching software update' },
        message: {
          de: 'Einzelne Gespräche können kurz abbrechen.',
          en: 'Single calls may drop briefly.',
        },
        component_ids: ['sip-trunk'],
        scheduled_start: '2026-12-01T01:00:00+01:00',
        scheduled_end: '2026-12-01T03:00:00+01:00',
      },
      async handler({ body, request, reply }) {
        const ctx = serviceContext(deps, staffActor(request));
        const { id } = await withApiPaths(() =>
          scheduleMaintenance({
            ctx,
            input: {
              title: text(body.title),
              message: text(body.message),
              componentIds: body.component_ids,
              scheduledStart: body.scheduled_start,
              scheduledEnd: body.scheduled_end,
            },
          }),
        );
        reply.header('location', `/api/v1/maintenances/${encodeURIComponent(id)}`);
        return read(id);
      },
    }),
    endpoint({
      method: 'POST',
      url: '/maintenances/:id/updates',
      operationId: 'postMaintenanceUpdate',
      tag: 'maintenances',
      role: 'operator',
      params: IdParams,
      body: MaintenanceUpdateBody,
      success: { status: 200, schema: Maintenance },
      conflicts: true,
      example: {
        status: 'in_progress',
        message: { de: 'Wir beginnen jetzt.', en: 'We are starting now.' },
      },
      async handler({ params, body, request }) {
        const ctx = serviceContext(deps, staffActor(request));
        await withApiPaths(() =>
          postMaintenanceUpdate({
            ctx,
            input: { maintenanceId: params.id, status: body.status, message: text(body.message) },
          }),
        );
        return read(params.id);
      },
    }),
  ];
}
