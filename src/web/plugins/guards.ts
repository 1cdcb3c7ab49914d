/**
 * @module Route guards: who may call a route. People without a session are sent to sign in (and
 * back afterwards); API clients get 401; a role that does not suffice gets 403. Partners are not
 * staff: no console route admits them, and a partner who opens a console page is sent to the
 * partner area instead of an error page.
 *
 * @example
 * app.get('/console/users', { preHandler: requireRole('admin') }, handler)
 * app.get('/partner', { preHandler: requirePartner() }, handler)
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError } from '#src/domain/errors.ts';
import type { Actor, Role, StaffRole } from '#src/services/context.ts';
import { wantsJson } from '../errors.ts';

/** Rank of each staff role; a role missing here (partner) ranks below every staff role. */
const staffRank: Record<StaffRole, number> = { operator: 1, admin: 2 };
const rankOf = (role: Role): number => (role === 'partner' ? 0 : (staffRank[role] ?? 0));

type StaffActor = Extract<Actor, { type: 'user' | 'api_token' }>;

const isSignedIn = (actor: Actor | null): actor is StaffActor =>
  actor !== null && (actor.type === 'user' || actor.type === 'api_token');

/**
 * `operator` admits operators and admins; `admin` admits admins only; partners never.
 * (`requireRole('partner')` is `requirePartner()`.)
 */
export function requireRole(role: Role = 'operator') {
  if (role === 'partner') return requirePartner();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = request.actor;
    if (!isSignedIn(actor)) {
      if (wantsJson(request)) throw new DialtoneError('unauthorized', 'error.unauthorized');
      return reply.redirect(`/console/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    // After signing in (the login's default target is the console) a partner lands in its own area.
    if (actor.role === 'partner' && request.method === 'GET' && !wantsJson(request)) {
      return reply.redirect('/partner', 303);
    }
    if (rankOf(actor.role) < staffRank[role]) throw new DialtoneError('forbidden', 'error.forbidden');
  };
}

/** The partner area: signed-in partners only; staff get 403, nobody signed in goes to sign in. */
export function requirePartner() {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = request.actor;
    if (!isSignedIn(actor)) {
      return reply.redirect(`/console/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (actor.type !== 'user' || actor.role !== 'partner') {
      throw new DialtoneError('forbidden', 'error.forbidden');
    }
  };
}

/** The signed-in partner, or null (anonymous visitors, staff). */
export function partnerActor(request: FastifyRequest): (Actor & { type: 'user' }) | null {
  const actor = request.actor;
  return actor?.type === 'user' && actor.role === 'partner' ? actor : null;
}

/** The acting staff member; call only behind requireRole. */
export function staffActor(request: FastifyRequest) {
  const actor = request.actor;
  if (!isSignedIn(actor) || actor.role === 'partner') {
    throw new DialtoneError('unauthorized', 'error.unauthorized');
  }
  return actor;
}
