/**
 * @module The manage page behind the link in every subscriber message: `GET
 * /subscribe/manage/:token`, its forms (`/save`: language and components, `/test`: a test event
 * to a webhook) and the RFC 8058 one-click unsubscribe `POST` on the link itself.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DialtoneError, type FieldError } from '#src/domain/errors.ts';
import { getSubscription } from '#src/services/get-subscription.ts';
import { sendSubscriptionTest } from '#src/services/send-subscription-test.ts';
import { unsubscribe } from '#src/services/unsubscribe.ts';
import { verifyManageToken } from '#src/services/unsubscribe-link.ts';
import { updateSubscription } from '#src/services/update-subscription.ts';
import type { AppDeps, serviceContext } from '#src/web/deps.ts';
import type { Reader } from '#src/web/views/public/parts.ts';
import {
  type ComponentChoice,
  renderInvalidLinkPage,
  renderManagePage,
  renderUnsubscribedPage,
} from '#src/web/views/public/subscribe.ts';
import { readerOf } from './reader.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 2100) : '');
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

export interface ManageHelpers {
  components: (r: Reader) => Promise<ComponentChoice[]>;
  page: (reply: FastifyReply, body: string) => FastifyReply;
  ctx: () => ReturnType<typeof serviceContext>;
  links: { publicUrl: string; pageName: string };
}

export async function manageRoutes(app: FastifyInstance, deps: AppDeps, h: ManageHelpers) {
  async function subscriberOf(request: FastifyRequest): Promise<string | null> {
    const { token } = request.params as { token: string };
    return verifyManageToken(deps.store.db, token);
  }
  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    errors: FieldError[],
    notice: string,
  ) {
    const r = readerOf(request, deps);
    const subscription = id ? await getSubscription(deps.store.db, id) : null;
    if (!subscription) {
      reply.code(404);
      return h.page(reply, renderInvalidLinkPage(r, request.url));
    }
    const { token } = request.params as { token: string };
    const action = `/subscribe/manage/${encodeURIComponent(token)}`;
    const data = {
      subscription,
      components: await h.components(r),
      action,
      csrf: request.csrfToken(reply),
      errors,
      notice,
    };
    return h.page(reply, renderManagePage(r, data, action));
  }

  app.get('/subscribe/manage/:token', async (request, reply) =>
    show(request, reply, await subscriberOf(request), [], ''),
  );

  // RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click` here from
  // their own interface, without any page of ours and so without a CSRF token. The token in the
  // URL is the credential (an HMAC only we can make); a forged request must already know it.
  app.post('/subscribe/manage/:token', { config: { csrfExempt: true } }, async (request, reply) => {
    const id = await subscriberOf(request);
    if (!id || !(await unsubscribe({ ctx: h.ctx(), input: { subscriberId: id } }))) {
      reply.code(404);
      return h.page(reply, renderInvalidLinkPage(readerOf(request, deps), request.url));
    }
    return h.page(reply, renderUnsubscribedPage(readerOf(request, deps), request.url));
  });

  app.post('/subscribe/manage/:token/save', async (request, reply) => {
    const id = await subscriberOf(request);
    if (!id) return show(request, reply, null, [], '');
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await updateSubscription({
        ctx: h.ctx(),
        input: {
          subscriberId: id,
          locale: str(body.locale),
          scope: str(body.scope),
          components: list(body.components),
        },
      });
      return show(request, reply, id, [], request.t('subscribers.manage.saved'));
    } catch (e) {
      if (!(e instanceof DialtoneError) || e.code !== 'validation_failed') throw e;
      reply.code(400);
      return show(request, reply, id, e.fields, '');
    }
  });

  app.post(
    '/subscribe/manage/:token/test',
    { config: { rateLimit: { max: 5, timeWindow: 10 * 60_000 } } },
    async (request, reply) => {
      const id = await subscriberOf(request);
      if (!id) return show(request, reply, null, [], '');
      const sent = await sendSubscriptionTest({
        ctx: h.ctx(),
        input: { subscriberId: id },
        options: h.links,
      });
      return show(request, reply, id, [], sent ? request.t('subscribers.manage.testSent') : '');
    },
  );
}
