/**
 * @module CSRF protection for every form. A signed-in user's forms carry the session's token;
 * anonymous forms (sign-in, setup) carry a random token that is also set as a cookie (double
 * submit). Every unsafe request with a form body must bring the matching `_csrf` field; requests
 * authenticated by an API token (Authorization header, no cookies involved) are exempt.
 */
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError } from '#src/domain/errors.ts';
import { newToken, safeEqual } from '#src/services/secrets.ts';
import { cookieNames } from './request-context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The token to put in a form's hidden `_csrf` field. */
    csrfToken(reply: FastifyReply): string;
  }
  interface FastifyContextConfig {
    /** The route's URL carries its own secret: no CSRF token is asked for (see the hook below). */
    csrfExempt?: boolean;
  }
}

export const csrfFieldName = '_csrf';

export async function csrf(app: FastifyInstance) {
  app.decorateRequest('csrfToken', function (this: FastifyRequest, reply: FastifyReply) {
    if (this.session) return this.session.csrfToken;
    let token = this.cookies[cookieNames.csrf];
    if (!token) {
      token = newToken();
      this.cookies[cookieNames.csrf] = token;
      reply.setCookie(cookieNames.csrf, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: this.secure,
      });
    }
    return token;
  });

  app.addHook('preHandler', async (request) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    if (request.headers.authorization?.startsWith('Bearer ')) return;
    const type = (request.headers['content-type'] ?? '').toLowerCase();
    // A browser sends JSON cross-site only after a CORS preflight, which we never grant for
    // writes: a cookie-authenticated JSON call is same-origin. Forms and text/plain are what
    // another site can post without asking: with a session, or to an anonymous form, they must
    // bring the token.
    if (type.startsWith('application/json')) return;
    const isForm =
      type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
    if (!isForm && !request.session) return;
    // Signing out without a valid session changes nothing: let it through to the sign-in page
    // instead of answering "form expired" to someone whose session simply ran out.
    if (!request.session && request.url === '/console/logout') return;
    // Routes whose URL carries its own secret (one-click unsubscribe and opt-out links, RFC 8058:
    // mail providers post them without any page of ours) declare `config: { csrfExempt: true }`.
    if (request.routeOptions.config?.csrfExempt) return;
    const sent = (request.body as Record<string, unknown> | undefined)?.[csrfFieldName];
    const expected = request.session?.csrfToken ?? request.cookies[cookieNames.csrf];
    if (typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) {
      throw new DialtoneError('forbidden', 'error.csrf');
    }
  });
}
