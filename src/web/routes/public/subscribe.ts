/**
 * @module Subscribing on the status page: `GET/POST /subscribe`, `POST /subscribe/sms` (the code),
 * `GET/POST /subscribe/confirm/:token`, and the manage page `GET /subscribe/manage/:token` with
 * its forms (`/save`, `/test`) and the RFC 8058 one-click unsubscribe `POST` on the link itself.
 * Spam-proofing: CSRF and a honeypot on the form, at most 3 confirmations per address per hour
 * and 10 requests per client address per 10 minutes (a 429 page), and the same answer for every
 * address whatever its state (the verb sends "already subscribed" instead of a confirmation).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newWebhookSecret } from '#src/adapters/channels/webhook/sign.ts';
import { validateOutboundUrl } from '#src/adapters/net/ssrf-guard.ts';
import { DialtoneError, type FieldError } from '#src/domain/errors.ts';
import { normaliseAddress, type SubscriberKind, subscriberKinds } from '#src/domain/subscription.ts';
import { confirmByLink } from '#src/services/confirm-by-link.ts';
import { confirmBySmsCode } from '#src/services/confirm-by-sms-code.ts';
import { systemActor } from '#src/services/context.ts';
import { requestSubscription } from '#src/services/request-subscription.ts';
import { hashToken, safeEqual } from '#src/services/secrets.ts';
import { unsubscribeLink } from '#src/services/unsubscribe-link.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import type { Reader } from '#src/web/views/public/parts.ts';
import {
  type ComponentChoice,
  renderConfirmButtonPage,
  renderConfirmedPage,
  renderInvalidLinkPage,
  renderSmsCodePage,
  renderSubscribeForm,
  renderSubscribeLimitedPage,
  renderSubscribeSentPage,
  subscribeHoneypot,
} from '#src/web/views/public/subscribe.ts';
import { readerOf } from './reader.ts';
import { filedLimiter } from './report-limit.ts';
import { manageRoutes } from './subscribe-manage.ts';

const perAddress = { max: 3, minutes: 60 };
const perClient = { max: 10, minutes: 10 };
const str = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 2100) : '');
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');

export async function subscribeRoutes(app: FastifyInstance, deps: AppDeps) {
  const addressLimit = filedLimiter(deps.clock, perAddress.max, perAddress.minutes * 60_000);
  const clientLimit = filedLimiter(deps.clock, perClient.max, perClient.minutes * 60_000);
  const offered: SubscriberKind[] = subscriberKinds.filter(
    (k) => k !== 'sms' || deps.config.smsGateway !== null,
  );
  const links = { publicUrl: deps.config.publicUrl, pageName: deps.config.pageName };
  const policy = { allowPrivate: deps.config.outboundAllowPrivate };
  const ctx = () => serviceContext(deps, systemActor);

  async function components(r: Reader): Promise<ComponentChoice[]> {
    const rows = await deps.store.db
      .selectFrom('components')
      .select(['id', 'name_de', 'name_en'])
      .orderBy('position')
      .orderBy('id')
      .execute();
    return rows.map((c) => ({ id: c.id, name: (r.locale === 'en' ? c.name_en : c.name_de) || c.name_de }));
  }

  const page = (reply: FastifyReply, body: string) =>
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);

  async function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FieldError[],
  ) {
    const r = readerOf(request, deps);
    const v = {
      kind: str(values.kind),
      address: str(values.address),
      locale: str(values.locale),
      scope: str(values.scope),
      components: list(values.components),
    };
    return page(
      reply,
      renderSubscribeForm(
        r,
        { offered, components: await components(r), values: v, errors, csrf: request.csrfToken(reply) },
        request.url,
      ),
    );
  }

  /** The reporter's address when the link comes from a report's follow page (its token proves it). */
  async function reporterEmail(q: Record<string, unknown>): Promise<string> {
    const ticket = str(q.ticket);
    const token = str(q.token);
    if (!ticket || !token) return '';
    const row = await deps.store.db
      .selectFrom('reports')
      .select(['email', 'follow_token_hash'])
      .where('ticket', '=', ticket)
      .executeTakeFirst();
    return row && safeEqual(hashToken(token), row.follow_token_hash) ? row.email : '';
  }

  app.get('/subscribe', async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const email = await reporterEmail(q);
    // `?component=a&component=b` (links from the self-check's "already known") preselects components.
    const chosen = list(q.component);
    const scope = chosen.length > 0 ? { scope: 'components', components: chosen } : {};
    return sendForm(
      request,
      reply,
      email ? { kind: 'email', address: email, ...scope } : { kind: str(q.kind), ...scope },
      [],
    );
  });

  const limited = (request: FastifyRequest, reply: FastifyReply, minutes: number) => {
    reply.code(429).header('retry-after', String(minutes * 60));
    return page(reply, renderSubscribeLimitedPage(readerOf(request, deps), minutes, request.url));
  };

  // Floods beyond the per-client count (bad input is not counted there) get the same 429 page.
  const flood = {
    rateLimit: {
      max: 30,
      timeWindow: perClient.minutes * 60_000,
      errorResponseBuilder: () =>
        new DialtoneError('rate_limited', 'subscribers.rateLimited.body', {
          params: { minutes: perClient.minutes },
        }),
    },
  };
  const floodPage = (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    if (!(error instanceof DialtoneError) || error.code !== 'rate_limited') throw error;
    return limited(request, reply, perClient.minutes);
  };

  app.post('/subscribe', {
    config: flood,
    errorHandler: floodPage,
    handler: async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const r = readerOf(request, deps);
      const kind = str(body.kind);
      // Bots fill every field: answer as if it worked, store and send nothing.
      if (str(body[subscribeHoneypot]) !== '') {
        return page(reply, renderSubscribeSentPage(r, 'email', str(body.address), request.url));
      }
      const normalised = subscriberKinds.includes(kind as SubscriberKind)
        ? normaliseAddress(kind as SubscriberKind, str(body.address))
        : null;
      const addressKey = `${kind}:${normalised}`;
      if (!clientLimit.allows(request.ip)) return limited(request, reply, perClient.minutes);
      if (normalised && !addressLimit.allows(addressKey)) return limited(request, reply, perAddress.minutes);
      try {
        const done = await requestSubscription({
          ctx: ctx(),
          input: {
            kind,
            address: str(body.address),
            locale: str(body.locale),
            scope: str(body.scope),
            components: list(body.components),
          },
          options: {
            ...links,
            offered,
            newWebhookSecret,
            checkWebhookUrl: async (url) => {
              const verdict = await validateOutboundUrl(url, policy);
              return verdict.ok ? null : verdict.reason;
            },
          },
        });
        clientLimit.record(request.ip);
        addressLimit.record(addressKey);
        if (done.kind === 'sms')
          return page(
            reply,
            renderSmsCodePage(r, done.address, request.csrfToken(reply), false, request.url),
          );
        return page(reply, renderSubscribeSentPage(r, done.kind, done.address, request.url));
      } catch (e) {
        if (!(e instanceof DialtoneError) || e.code !== 'validation_failed') throw e;
        reply.code(400);
        return sendForm(request, reply, body, e.fields);
      }
    },
  });

  app.post('/subscribe/sms', { config: flood, errorHandler: floodPage }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const phone = normaliseAddress('sms', str(body.phone)) ?? '';
    const done = phone
      ? await confirmBySmsCode({ ctx: ctx(), input: { phone, code: str(body.code) } })
      : null;
    const r = readerOf(request, deps);
    if (!done) {
      reply.code(400);
      return page(reply, renderSmsCodePage(r, phone, request.csrfToken(reply), true, request.url));
    }
    const manage = await unsubscribeLink(deps.store.db, deps.config.publicUrl, done.subscriberId);
    return page(reply, renderConfirmedPage(r, manage, null, request.url));
  });

  app.get('/subscribe/confirm/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const r = readerOf(request, deps);
    return page(
      reply,
      renderConfirmButtonPage(
        r,
        `/subscribe/confirm/${encodeURIComponent(token)}`,
        request.csrfToken(reply),
        request.url,
      ),
    );
  });

  app.post('/subscribe/confirm/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const r = readerOf(request, deps);
    const done = await confirmByLink({ ctx: ctx(), input: { token } });
    if (!done) {
      reply.code(404);
      return page(reply, renderInvalidLinkPage(r, request.url));
    }
    const manage = await unsubscribeLink(deps.store.db, deps.config.publicUrl, done.subscriberId);
    return page(reply, renderConfirmedPage(r, manage, done.secret, request.url));
  });

  await manageRoutes(app, deps, { components, page, ctx, links });
}
