/**
 * @module /opt-out/<token>: an affected customer's contact stops messages about outages they did
 * not subscribe to. GET shows what will happen and a button (a link opened by a mail scanner must
 * not opt anyone out); POST records it — without a CSRF token, because the token in the URL is the
 * credential and mail providers post RFC 8058 one-click requests without any page of ours.
 * A token that is not ours answers 404 and tells nothing about any address.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { html } from 'ghtml';
import { DialtoneError } from '#src/domain/errors.ts';
import { optOutContact } from '#src/services/opt-out-contact.ts';
import { readOptOutToken } from '#src/services/opt-out-link.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { renderPublicPage } from '#src/web/views/public/layout.ts';
import { readerOf } from './reader.ts';

const limit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export async function optOutRoutes(app: FastifyInstance, deps: AppDeps) {
  const db = deps.store.db;

  async function addressOf(request: FastifyRequest<{ Params: { token: string } }>) {
    const address = await readOptOutToken(db, request.params.token);
    if (!address) throw new DialtoneError('not_found', 'optOut.notFound');
    return address;
  }

  function page(request: FastifyRequest, reply: FastifyReply, body: string) {
    const r = readerOf(request, deps);
    const url = request.url;
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderPublicPage(r, { title: r.t('optOut.title'), section: 'status', body, url }));
  }

  app.get<{ Params: { token: string } }>('/opt-out/:token', { config: limit }, async (request, reply) => {
    const address = await addressOf(request);
    const t = request.t;
    return page(
      request,
      reply,
      html`<h1>${t('optOut.title')}</h1><p>${t('optOut.question', { address })}</p><form method="post" action="/opt-out/${request.params.token}"><button type="submit">${t('optOut.confirm')}</button></form><p>${t('optOut.subscribersHint')}</p>`,
    );
  });

  app.post<{ Params: { token: string } }>(
    '/opt-out/:token',
    { config: { ...limit, csrfExempt: true } },
    async (request, reply) => {
      const address = await addressOf(request);
      await optOutContact({
        ctx: serviceContext(deps, { type: 'system', id: null, label: 'opt-out link' }),
        input: { address },
      });
      const t = request.t;
      return page(
        request,
        reply,
        html`<h1>${t('optOut.doneTitle')}</h1><p>${t('optOut.done', { address })}</p>`,
      );
    },
  );
}
