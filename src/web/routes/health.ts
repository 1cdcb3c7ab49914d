/**
 * @module Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database
 * answers too). Load balancers and orchestrators poll these; they stay cheap and unauthenticated.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps.ts';

export async function healthRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const database = await deps.store.ping();
    return reply
      .code(database ? 200 : 503)
      .send({ status: database ? 'ok' : 'unavailable', database: database ? 'ok' : 'unreachable' });
  });
}
