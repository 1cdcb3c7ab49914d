/**
 * @module GET /api/v1/monitors: every monitor with its state, since when, and its last check,
 * for wallboards and other tools. Settings are left out (they may name environment variables).
 */
import { Type } from 'typebox';
import { listMonitors } from '#src/services/list-monitors.ts';
import type { AppDeps } from '../../../deps.ts';
import { type Endpoint, endpoint } from './endpoint.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Monitor = Type.Object(
  {
    id: Type.String(),
    component_id: Type.String(),
    kind: Type.Enum(['sip-options', 'sip-register', 'http', 'tcp', 'dns', 'tls', 'heartbeat']),
    name: Type.Object({ de: Type.String(), en: Type.String() }, { additionalProperties: false }),
    target: Type.String(),
    enabled: Type.Boolean(),
    paused: Type.Boolean(),
    state: Type.Enum(['unknown', 'up', 'down', 'overloaded'], { description: 'api.field.monitorState' }),
    since: Nullable(Type.String({ format: 'date-time' })),
    last_checked_at: Nullable(Type.String({ format: 'date-time' })),
    last_rtt_ms: Nullable(Type.Integer()),
    last_code: Nullable(Type.Integer()),
    last_detail: Type.String(),
  },
  { additionalProperties: false },
);
const MonitorList = Type.Object({ monitors: Type.Array(Monitor) }, { additionalProperties: false });

export function monitorEndpoints(deps: AppDeps): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      url: '/monitors',
      operationId: 'listMonitors',
      tag: 'monitors',
      role: 'operator',
      success: { status: 200, schema: MonitorList },
      async handler() {
        const monitors = await listMonitors(deps.store.db);
        return {
          monitors: monitors.map((m) => ({
            id: m.id,
            component_id: m.componentId,
            kind: m.kind,
            name: m.name,
            target: m.target,
            enabled: m.enabled,
            paused: m.pausedAt !== null,
            state: m.state,
            since: m.since,
            last_checked_at: m.lastCheckedAt,
            last_rtt_ms: m.lastRttMs,
            last_code: m.lastCode,
            last_detail: m.lastDetail,
          })),
        };
      },
    }),
  ];
}
