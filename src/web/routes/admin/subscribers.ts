/**
 * @module Console: subscribers (operators). Counts by channel and state, a search by address and
 * removal. The status page never shows any of this.
 */
import type { FastifyInstance } from 'fastify';
import { countSubscribers } from '#src/services/count-subscribers.ts';
import { removeSubscriber } from '#src/services/remove-subscriber.ts';
import { searchSubscribers } from '#src/services/search-subscribers.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { subscribersBody } from '#src/web/views/console/channels.ts';
import { renderConsolePage } from '#src/web/views/console/layout.ts';

const operator = { preHandler: requireRole('operator') };
const limit = 100;

export async function consoleSubscriberRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/console/subscribers', operator, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const query = typeof q.q === 'string' ? q.q.slice(0, 200) : '';
    const [counts, found] = await Promise.all([
      countSubscribers(deps.store.db),
      searchSubscribers(deps.store.db, query, limit),
    ]);
    const notice = q.notice === 'removed' ? request.t('subscribers.console.removed') : undefined;
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return renderConsolePage(request, reply, {
      title: request.t('subscribers.console.title'),
      section: 'subscribers',
      body: subscribersBody(request, reply, counts, found, query, limit),
      notice,
    });
  });

  app.post('/console/subscribers/:id/remove', operator, async (request, reply) => {
    const { id } = request.params as { id: string };
    await removeSubscriber({ ctx: serviceContext(deps, staffActor(request)), input: { id } });
    return reply.redirect('/console/subscribers?notice=removed', 303);
  });
}
