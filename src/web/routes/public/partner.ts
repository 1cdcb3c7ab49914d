/**
 * @module The partner area: `GET /partner` (the partner's own reports; where partners land after
 * signing in), `GET /partner/reports/:ticket` (a report's follow page, found by ticket and owner:
 * another partner's ticket answers 404 like one that does not exist), and the invitation link
 * `GET|POST /partner/invitation?token=` that sets the password and signs the new partner in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError } from '#src/domain/errors.ts';
import { acceptPartnerInvitation } from '#src/services/accept-partner-invitation.ts';
import { changePassword } from '#src/services/change-password.ts';
import type { Actor } from '#src/services/context.ts';
import { findOpenInvitation } from '#src/services/find-open-invitation.ts';
import { getPartnerProfile } from '#src/services/get-partner-profile.ts';
import { getPartnerReport } from '#src/services/get-partner-report.ts';
import { listPartnerReports } from '#src/services/list-partner-reports.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { partnerActor, requirePartner } from '#src/web/plugins/guards.ts';
import { cookieNames } from '#src/web/plugins/request-context.ts';
import { field, formBody } from '#src/web/views/console/kit.ts';
import {
  renderAcceptInvitationPage,
  renderInvitationInvalidPage,
  renderPartnerHome,
  renderPartnerPasswordPage,
} from '#src/web/views/public/partner.ts';
import { renderReportFollowPage } from '#src/web/views/public/report-follow.ts';
import { clearSessionCookie, setSessionCookie } from '../admin/auth.ts';
import { readerOf, translateNotFound } from './reader.ts';

/** Someone not signed in yet: the actor of accepting an invitation (the audit row names the user). */
const invitee: Actor = { type: 'system', id: null, label: 'invitee' };
/** A link with a secret: a handful of tries a minute per address is plenty for people. */
const formRateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const guard = { preHandler: requirePartner() };

/** Pages for one signed-in person: never cached anywhere, never sent as a referrer. */
const privatePage = (reply: FastifyReply) =>
  reply
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8');

export async function partnerRoutes(app: FastifyInstance, deps: AppDeps) {
  const partnerOf = (request: FastifyRequest) => {
    const actor = partnerActor(request);
    if (!actor) throw new DialtoneError('forbidden', 'error.forbidden');
    return actor;
  };

  app.get('/partner', guard, async (request, reply) => {
    const actor = partnerOf(request);
    const [profile, reports] = await Promise.all([
      getPartnerProfile(deps.store.db, actor.id),
      listPartnerReports(deps.store.db, { partnerUserId: actor.id }),
    ]);
    const html = renderPartnerHome(readerOf(request, deps), {
      email: actor.label,
      company: profile?.company ?? '',
      reports,
      csrf: request.csrfToken(reply),
      url: request.url,
    });
    return privatePage(reply).send(html);
  });

  app.get<{ Params: { ticket: string } }>('/partner/reports/:ticket', guard, async (request, reply) => {
    const { ticket } = request.params;
    const view = await getPartnerReport(deps.store.db, {
      partnerUserId: partnerOf(request).id,
      ticket,
    }).catch(translateNotFound('report.follow.notFound', ticket));
    const html = renderReportFollowPage(readerOf(request, deps), view, request.url, { partnerArea: true });
    return privatePage(reply).send(html);
  });

  async function acceptPage(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    errors = [] as DialtoneError['fields'],
    alert?: string,
  ) {
    const invitation = await findOpenInvitation(deps.store.db, token, deps.clock());
    const r = readerOf(request, deps);
    if (!invitation) return privatePage(reply.code(410)).send(renderInvitationInvalidPage(r, request.url));
    const html = renderAcceptInvitationPage(r, {
      alert,
      token,
      email: invitation.email,
      company: invitation.company,
      errors,
      csrf: request.csrfToken(reply),
      url: request.url,
    });
    return privatePage(reply).send(html);
  }

  app.get('/partner/invitation', async (request, reply) =>
    acceptPage(request, reply, field(formBody(request.query), 'token')),
  );

  app.post('/partner/invitation', { config: formRateLimit }, async (request, reply) => {
    const body = formBody(request.body);
    const token = field(body, 'token');
    try {
      const result = await acceptPartnerInvitation({
        ctx: serviceContext(deps, invitee),
        input: {
          token,
          password: field(body, 'password'),
          passwordConfirm: field(body, 'passwordConfirm'),
          sessionHours: deps.config.sessionHours,
        },
      });
      setSessionCookie(request, reply, result.cookie, result.expiresAt);
      // Public pages follow the language cookie: start with the one the admin chose for the account.
      reply.setCookie(cookieNames.lang, result.user.locale, {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'lax',
        httpOnly: true,
        secure: request.secure,
      });
      return reply.redirect('/partner', 303);
    } catch (e) {
      if (!(e instanceof DialtoneError)) throw e;
      if (e.code === 'validation_failed') return acceptPage(request, reply.code(400), token, e.fields);
      if (e.key === 'partner.accept.emailTaken') {
        return acceptPage(
          request,
          reply.code(409),
          token,
          [],
          request.t('partner.accept.emailTaken', e.params),
        );
      }
      if (e.key === 'partner.invitation.invalid') {
        return privatePage(reply.code(410)).send(
          renderInvitationInvalidPage(readerOf(request, deps), request.url),
        );
      }
      throw e;
    }
  });

  const passwordPage = (request: FastifyRequest, reply: FastifyReply, errors: DialtoneError['fields']) =>
    privatePage(reply).send(
      renderPartnerPasswordPage(readerOf(request, deps), {
        email: partnerOf(request).label,
        errors,
        csrf: request.csrfToken(reply),
        url: request.url,
      }),
    );

  app.get('/partner/password', guard, (request, reply) => passwordPage(request, reply, []));

  app.post('/partner/password', { ...guard, config: formRateLimit }, async (request, reply) => {
    const actor = partnerOf(request);
    const body = formBody(request.body);
    try {
      await changePassword({
        ctx: serviceContext(deps, actor),
        input: {
          userId: actor.id,
          currentPassword: field(body, 'currentPassword'),
          newPassword: field(body, 'newPassword'),
          newPasswordConfirm: field(body, 'newPasswordConfirm'),
        },
      });
    } catch (e) {
      if (!(e instanceof DialtoneError) || e.code !== 'validation_failed') throw e;
      return passwordPage(request, reply.code(400), e.fields);
    }
    // Every session of the account ended, this one too: sign in again, back to the partner area.
    clearSessionCookie(request, reply);
    return reply.redirect('/console/login?notice=passwordChanged&next=%2Fpartner', 303);
  });
}
