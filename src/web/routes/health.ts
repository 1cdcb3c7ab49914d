/**
 * @module Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database
 * answers too, and no background part — probe runner, HEP collector, detector loop — has
 * stalled; see jobs/watchdog.ts). Load balancers and orchestrators poll these; they stay cheap
 * and unauthenticated.
 */
import type { FastifyInstance } from 'fastify';
import { liveness as processLiveness } from '#src/jobs/liveness.ts';
import type { AppDeps } from '../deps.ts';

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const database = await deps.store.ping();
    const stalled = (deps.liveness ?? processLiveness).stalled(deps.clock());
    const ready = database && stalled.length === 0;
    return reply.code(ready ? 200 : 503).send({
      status: ready ? 'ok' : 'unavailable',
      database: database ? 'ok' : 'unreachable',
      ...(stalled.length > 0 ? { stalled } : {}),
    });
  });
}
