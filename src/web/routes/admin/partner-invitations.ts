/**
 * @module Console, users area: partners (admins only). `GET /console/users/partners` lists partner
 * accounts and invitations; `POST …/invitations` invites (the page then shows the link once);
 * `POST …/invitations/:id/revoke` withdraws one; `POST …/:id/disable|enable` works like for staff
 * (a disabled partner's sessions end at once).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError } from '#src/domain/errors.ts';
import { invitePartner } from '#src/services/invite-partner.ts';
import { listPartners } from '#src/services/list-partners.ts';
import { revokePartnerInvitation } from '#src/services/revoke-partner-invitation.ts';
import { setUserDisabled } from '#src/services/set-user-disabled.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import type { MessageKey } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { field, formBody, noticeOf } from '#src/web/views/console/kit.ts';
import {
  type InviteValues,
  type PartnersView,
  renderPartnersPage,
} from '#src/web/views/console/partner-invitations.ts';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
const admin = { preHandler: requireRole('admin') };
const page = '/console/users/partners';

const partnerNotices: Readonly<Record<string, MessageKey>> = {
  invitationRevoked: 'partner.console.invitationRevoked',
};

export async function consolePartnerRoutes(app: FastifyInstance, deps: AppDeps) {
  const ctxOf = (request: FastifyRequest) => serviceContext(deps, staffActor(request));
  const emptyInvite = (request: FastifyRequest): InviteValues => ({
    email: '',
    firstName: '',
    lastName: '',
    company: '',
    locale: request.locale,
  });

  async function partnersPage(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: Partial<PartnersView> = {},
  ) {
    const listed = await listPartners(deps.store.db, { now: deps.clock() });
    const code = field(formBody(request.query), 'notice');
    const notice = Object.hasOwn(partnerNotices, code) ? request.t(partnerNotices[code]!) : noticeOf(request);
    const html = renderPartnersPage(request, reply, {
      ...listed,
      invite: { values: emptyInvite(request), errors: [] },
      notice,
      ...extra,
    });
    // The page may carry a one-time invitation link: keep it out of every cache.
    return reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  }

  app.get(page, admin, (request, reply) => partnersPage(request, reply));

  app.post(`${page}/invitations`, admin, async (request, reply) => {
    const body = formBody(request.body);
    const values: InviteValues = {
      email: field(body, 'email'),
      firstName: field(body, 'firstName'),
      lastName: field(body, 'lastName'),
      company: field(body, 'company'),
      locale: field(body, 'locale'),
    };
    try {
      // Once the outbox exists, its enqueue goes in `options.deliver` (inside the transaction).
      const invitation = await invitePartner({ ctx: ctxOf(request), input: values });
      const link = `${deps.config.publicUrl}/partner/invitation?token=${encodeURIComponent(invitation.token)}`;
      return partnersPage(request, reply, {
        created: { email: invitation.email, link, expiresAt: invitation.expiresAt },
      });
    } catch (e) {
      if (!(e instanceof DialtoneError) || e.code !== 'validation_failed') throw e;
      reply.code(400);
      return partnersPage(request, reply, { invite: { values, errors: e.fields } });
    }
  });

  app.post(`${page}/invitations/:id/revoke`, admin, async (request: IdRequest, reply) => {
    const { changed } = await revokePartnerInvitation({
      ctx: ctxOf(request),
      input: { invitationId: request.params.id },
    });
    return reply.redirect(`${page}?notice=${changed ? 'invitationRevoked' : 'unchanged'}`, 303);
  });

  for (const [path, disabled, notice] of [
    ['disable', true, 'userDisabled'],
    ['enable', false, 'userEnabled'],
  ] as const) {
    app.post(`${page}/:id/${path}`, admin, async (request: IdRequest, reply) => {
      const row = await deps.store.db
        .selectFrom('users')
        .select('role')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      // Only partner accounts here; staff accounts are managed on the users page.
      if (row?.role !== 'partner')
        throw new DialtoneError('not_found', 'error.notFound', {
          params: { what: 'partner', id: request.params.id },
        });
      const { changed } = await setUserDisabled({
        ctx: ctxOf(request),
        input: { userId: request.params.id, disabled },
      });
      return reply.redirect(`${page}?notice=${changed ? notice : 'unchanged'}`, 303);
    });
  }
}
