/**
 * @module Console: users (admins: list, add, change role, disable/enable, reset password) and the
 * own account (everyone signed in: language, password). Every change redirects with a notice;
 * a refused form comes back with the input kept (never passwords) and the errors beside fields.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError, forbidden, notFound } from '#src/domain/errors.ts';
import { changePassword } from '#src/services/change-password.ts';
import { createUser } from '#src/services/create-user.ts';
import { findUser } from '#src/services/find-user.ts';
import { listUsers } from '#src/services/list-users.ts';
import { setUserDisabled } from '#src/services/set-user-disabled.ts';
import { updateUser } from '#src/services/update-user.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { translateLoose } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { renderAccountPage } from '#src/web/views/console/account.ts';
import { field, formBody, noticeOf, safeNext } from '#src/web/views/console/kit.ts';
import {
  type NewUserValues,
  renderResetPasswordPage,
  renderUsersPage,
} from '#src/web/views/console/users.ts';
import { clearSessionCookie } from './auth.ts';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const admin = { preHandler: requireRole('admin') };
const staff = { preHandler: requireRole('operator') };
const isValidation = (e: unknown): e is DialtoneError =>
  e instanceof DialtoneError && e.code === 'validation_failed';
const sendHtml = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);

/** The signed-in person (account pages are for people, not API tokens). */
function signedInUser(request: FastifyRequest) {
  const actor = staffActor(request);
  if (actor.type !== 'user') throw forbidden();
  return actor;
}

/** The ?next= of the header's language switch, without a `lang` that would override the choice. */
function backTo(raw: string): string {
  const target = safeNext(raw, '');
  if (!target) return '/console/account?notice=languageSaved';
  const url = new URL(target, 'http://dialtone.invalid');
  url.searchParams.delete('lang');
  return `${url.pathname}${url.search}${url.hash}`;
}

export async function consoleUserRoutes(app: FastifyInstance, deps: AppDeps) {
  const ctxOf = (request: FastifyRequest) => serviceContext(deps, staffActor(request));
  const emptyAdd = (request: FastifyRequest): NewUserValues => ({
    email: '',
    role: 'operator',
    locale: request.locale,
  });

  async function usersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { add?: { values: NewUserValues; errors: DialtoneError['fields'] }; alert?: string } = {},
  ) {
    // Partner accounts have their own page (partner-invitations.ts): no staff role to change.
    const users = (await listUsers(deps.store.db)).filter((u) => u.role !== 'partner');
    const actor = staffActor(request);
    return sendHtml(
      reply,
      renderUsersPage(request, reply, {
        users,
        selfId: actor.type === 'user' ? actor.id : null,
        add: extra.add ?? { values: emptyAdd(request), errors: [] },
        alert: extra.alert,
        notice: noticeOf(request),
      }),
    );
  }

  /** Runs a user change; a refusal (last admin, bad value) shows on the list instead of an error page. */
  async function change(
    request: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<boolean>,
    notice: string,
  ) {
    try {
      const changed = await run();
      return reply.redirect(`/console/users?notice=${changed ? notice : 'unchanged'}`, 303);
    } catch (e) {
      if (!(e instanceof DialtoneError) || (e.code !== 'conflict' && !isValidation(e))) throw e;
      // A conflict has one message; a refused value (only from a tampered form) one per field.
      const parts = e.fields.length > 0 ? e.fields : [{ key: e.key, params: e.params }];
      reply.code(e.code === 'conflict' ? 409 : 400);
      return usersPage(request, reply, {
        alert: parts.map((p) => translateLoose(request.t, p.key, p.params)).join(' '),
      });
    }
  }

  app.get('/console/users', admin, (request, reply) => usersPage(request, reply));

  app.post('/console/users', admin, async (request, reply) => {
    const body = formBody(request.body);
    const values = { email: field(body, 'email'), role: field(body, 'role'), locale: field(body, 'locale') };
    try {
      await createUser({ ctx: ctxOf(request), input: { ...values, password: field(body, 'password') } });
      return reply.redirect('/console/users?notice=userCreated', 303);
    } catch (e) {
      if (!isValidation(e)) throw e;
      reply.code(400);
      return usersPage(request, reply, { add: { values, errors: e.fields } });
    }
  });

  app.post('/console/users/:id/role', admin, async (request: IdRequest, reply) => {
    const role = field(formBody(request.body), 'role');
    const run = async () =>
      (await updateUser({ ctx: ctxOf(request), input: { userId: request.params.id, role } })).changed;
    return change(request, reply, run, 'roleChanged');
  });

  for (const [path, disabled, notice] of [
    ['disable', true, 'userDisabled'],
    ['enable', false, 'userEnabled'],
  ] as const) {
    app.post(`/console/users/:id/${path}`, admin, async (request: IdRequest, reply) => {
      const run = async () =>
        (await setUserDisabled({ ctx: ctxOf(request), input: { userId: request.params.id, disabled } }))
          .changed;
      return change(request, reply, run, notice);
    });
  }

  app.get('/console/users/:id/password', admin, async (request: IdRequest, reply) => {
    const user = await findUser(deps.store.db, { id: request.params.id });
    if (!user) throw notFound('user', request.params.id);
    if (user.id === staffActor(request).id) return reply.redirect('/console/account#password', 303);
    return sendHtml(reply, renderResetPasswordPage(request, reply, { user, errors: [] }));
  });

  app.post('/console/users/:id/password', admin, async (request: IdRequest, reply) => {
    const user = await findUser(deps.store.db, { id: request.params.id });
    if (!user) throw notFound('user', request.params.id);
    // Their own password goes through the account page, which asks for the current one.
    if (user.id === staffActor(request).id) return reply.redirect('/console/account#password', 303);
    const body = formBody(request.body);
    try {
      await changePassword({
        ctx: ctxOf(request),
        input: {
          userId: user.id,
          newPassword: field(body, 'newPassword'),
          newPasswordConfirm: field(body, 'newPasswordConfirm'),
        },
      });
      return reply.redirect('/console/users?notice=passwordReset', 303);
    } catch (e) {
      if (!isValidation(e)) throw e;
      return sendHtml(reply.code(400), renderResetPasswordPage(request, reply, { user, errors: e.fields }));
    }
  });

  async function accountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<Parameters<typeof renderAccountPage>[2]> = {},
  ) {
    const user = await findUser(deps.store.db, { id: signedInUser(request).id });
    if (!user) throw notFound('user', signedInUser(request).id);
    return sendHtml(reply, renderAccountPage(request, reply, { user, notice: noticeOf(request), ...extra }));
  }

  app.get('/console/account', staff, (request, reply) => accountPage(request, reply));

  app.post('/console/account/language', staff, async (request, reply) => {
    const user = signedInUser(request);
    const body = formBody(request.body);
    const locale = field(body, 'locale');
    try {
      await updateUser({ ctx: ctxOf(request), input: { userId: user.id, locale } });
      return reply.redirect(backTo(field(body, 'next')), 303);
    } catch (e) {
      if (!isValidation(e)) throw e;
      reply.code(400);
      return accountPage(request, reply, { language: { value: locale, errors: e.fields } });
    }
  });

  app.post('/console/account/password', staff, async (request, reply) => {
    const user = signedInUser(request);
    const body = formBody(request.body);
    try {
      await changePassword({
        ctx: ctxOf(request),
        input: {
          userId: user.id,
          currentPassword: field(body, 'currentPassword'),
          newPassword: field(body, 'newPassword'),
          newPasswordConfirm: field(body, 'newPasswordConfirm'),
        },
      });
    } catch (e) {
      if (!isValidation(e)) throw e;
      reply.code(400);
      return accountPage(request, reply, { passwordErrors: e.fields });
    }
    // Every session of this user has ended, this one too: sign in again with the new password.
    clearSessionCookie(request, reply);
    return reply.redirect('/console/login?notice=passwordChanged', 303);
  });
}
