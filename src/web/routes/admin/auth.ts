/**
 * @module Console: sign-in, sign-out and first-run setup. The session cookie (`dt_session`) holds
 * a random token whose hash is the session row; it is httpOnly, SameSite=Lax, Secure over TLS.
 * Also applies a signed-in user's language preference to console pages (unless `?lang=` asks
 * otherwise for that one page).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError, type FieldError, isDialtoneError } from '#src/domain/errors.ts';
import { completeSetup } from '#src/services/complete-setup.ts';
import type { Actor } from '#src/services/context.ts';
import { setupTokenIsValid } from '#src/services/setup-token-is-valid.ts';
import { signIn } from '#src/services/sign-in.ts';
import { signOut } from '#src/services/sign-out.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { isLocale, translator } from '#src/web/i18n/index.ts';
import { cookieNames } from '#src/web/plugins/request-context.ts';
import { field, formBody, noticeOf, safeNext } from '#src/web/views/console/kit.ts';
import { renderLoginPage, renderSetupInvalidPage, renderSetupPage } from '#src/web/views/console/sign-in.ts';

/** Someone not signed in (yet): the actor of sign-in attempts and setup. */
const anonymous: Actor = { type: 'system', id: null, label: 'anonymous' };

/** Public forms that check a secret: a handful of tries a minute per address is plenty for people. */
const formRateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  cookie: string,
  expiresAt: string,
) {
  reply.setCookie(cookieNames.session, cookie, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.secure,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(cookieNames.session, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.secure,
  });
}

const html = (reply: FastifyReply) => reply.type('text/html; charset=utf-8');

export async function consoleAuthRoutes(app: FastifyInstance, deps: AppDeps) {
  // The account's language on console pages is picked by the request context.

  app.get('/console/login', async (request, reply) => {
    const next = safeNext(field(formBody(request.query), 'next'));
    if (request.session) return reply.redirect(next, 303);
    return html(reply).send(
      renderLoginPage(request, reply, { email: '', next, errors: [], notice: noticeOf(request) }),
    );
  });

  app.post('/console/login', { config: formRateLimit }, async (request, reply) => {
    const body = formBody(request.body);
    const email = field(body, 'email').trim();
    const password = field(body, 'password');
    const next = safeNext(field(body, 'next'));
    const errors: FieldError[] = [];
    if (!email) errors.push({ path: 'email', key: 'error.required' });
    if (!password) errors.push({ path: 'password', key: 'error.required' });
    if (errors.length > 0) {
      return html(reply.code(400)).send(renderLoginPage(request, reply, { email, next, errors }));
    }
    try {
      const result = await signIn({
        ctx: serviceContext(deps, anonymous),
        input: {
          email,
          password,
          sessionHours: deps.config.sessionHours,
          previousCookie: request.cookies[cookieNames.session],
          ip: request.ip,
        },
      });
      setSessionCookie(request, reply, result.cookie, result.expiresAt);
      return reply.redirect(next, 303);
    } catch (e) {
      if (!isDialtoneError(e) || e.code !== 'unauthorized') throw e;
      const alert = request.t('error.badCredentials');
      return html(reply.code(401)).send(renderLoginPage(request, reply, { email, next, errors: [], alert }));
    }
  });

  app.post('/console/logout', async (request, reply) => {
    const cookie = request.cookies[cookieNames.session];
    if (cookie) await signOut({ ctx: serviceContext(deps, request.actor ?? anonymous), input: { cookie } });
    clearSessionCookie(request, reply);
    return reply.redirect('/console/login?notice=signedOut', 303);
  });

  app.get('/console/setup', async (request, reply) => {
    const token = field(formBody(request.query), 'token');
    if (!(await setupTokenIsValid(deps.store.db, token, deps.clock()))) {
      return html(reply.code(410)).send(renderSetupInvalidPage(request, reply));
    }
    return html(reply).send(renderSetupPage(request, reply, { token, email: '', errors: [] }));
  });

  app.post('/console/setup', { config: formRateLimit }, async (request, reply) => {
    const body = formBody(request.body);
    const token = field(body, 'token');
    const email = field(body, 'email');
    try {
      const result = await completeSetup({
        ctx: serviceContext(deps, anonymous),
        input: {
          token,
          email,
          password: field(body, 'password'),
          passwordConfirm: field(body, 'passwordConfirm'),
          locale: request.locale,
          sessionHours: deps.config.sessionHours,
        },
      });
      setSessionCookie(request, reply, result.cookie, result.expiresAt);
      return reply.redirect('/console?notice=welcome', 303);
    } catch (e) {
      if (e instanceof DialtoneError && e.code === 'validation_failed') {
        return html(reply.code(400)).send(
          renderSetupPage(request, reply, { token, email, errors: e.fields }),
        );
      }
      if (e instanceof DialtoneError && e.key === 'console.setup.invalidLink') {
        return html(reply.code(410)).send(renderSetupInvalidPage(request, reply));
      }
      throw e;
    }
  });
}
