/**
 * @module GET|POST /api/v1/heartbeat/:token: a batch job (billing run, backup) calls its secret
 * URL when it has run. The token is the credential (only its SHA-256 is stored); an unknown,
 * rotated or paused one answers 404 and says nothing more. Rate-limited like the rest of the API
 * (per address for callers without a token).
 *
 * @example
 * curl -fsS -m 10 --retry 3 https://status.example.net/api/v1/heartbeat/dthb_…
 */
import { Type } from 'typebox';
import { DialtoneError } from '#src/domain/errors.ts';
import { recordHeartbeatPing } from '#src/services/record-heartbeat-ping.ts';
import { type AppDeps, serviceContext } from '../../../deps.ts';
import { type Endpoint, endpoint } from './endpoint.ts';

const Params = Type.Object(
  {
    token: Type.String({
      minLength: 8,
      maxLength: 200,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'api.param.heartbeatToken',
    }),
  },
  { additionalProperties: false },
);

const Ping = Type.Object({ status: Type.Literal('ok') }, { additionalProperties: false });

const heartbeatActor = { type: 'system', id: null, label: 'heartbeat' } as const;

export function heartbeatEndpoints(deps: AppDeps): Endpoint[] {
  const ping = endpoint({
    method: 'GET',
    url: '/heartbeat/:token',
    operationId: 'pingHeartbeat',
    tag: 'monitors',
    role: null,
    params: Params,
    success: { status: 200, schema: Ping },
    async handler({ params, reply }) {
      const ok = await recordHeartbeatPing({
        ctx: serviceContext(deps, heartbeatActor),
        input: { token: params.token },
      });
      if (!ok) throw new DialtoneError('not_found', 'monitors.error.unknownHeartbeat');
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    },
  });
  // The same for jobs whose HTTP client can only POST (an empty body or JSON).
  const post = { ...ping, method: 'POST', operationId: 'pingHeartbeatPost' } as Endpoint;
  return [ping, post];
}
