/**
 * @module Route guards: who may call a route. People without a session are sent to sign in (and
 * back afterwards); API clients get 401; a role that does not suffice gets 403.
 *
 * @example
 * app.get('/console/users', { preHandler: requireRole('admin') }, handler)
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError } from '#src/domain/errors.ts';
import type { Role } from '#src/services/context.ts';
import { wantsJson } from '../errors.ts';

/** `operator` admits operators and admins; `admin` admits admins only. */
export function requireRole(role: Role = 'operator') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = request.actor;
    if (!actor || (actor.type !== 'user' && actor.type !== 'api_token')) {
      if (wantsJson(request)) throw new DialtoneError('unauthorized', 'error.unauthorized');
      return reply.redirect(`/console/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (role === 'admin' && actor.role !== 'admin') throw new DialtoneError('forbidden', 'error.forbidden');
  };
}

/** The acting staff member; call only behind requireRole. */
export function staffActor(request: FastifyRequest) {
  const actor = request.actor;
  if (!actor || (actor.type !== 'user' && actor.type !== 'api_token')) {
    throw new DialtoneError('unauthorized', 'error.unauthorized');
  }
  return actor;
}
