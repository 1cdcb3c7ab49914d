/**
 * @module Console: the delivery log at /console/notifications (operators and admins), one message
 * with its attempts, and "send again" for dead letters (admins; audited).
 */
import type { FastifyInstance } from 'fastify';
import { DialtoneError } from '#src/domain/errors.ts';
import { getNotification } from '#src/services/get-notification.ts';
import { listNotificationFacets } from '#src/services/list-notification-facets.ts';
import { listNotifications } from '#src/services/list-notifications.ts';
import { retryNotification } from '#src/services/retry-notification.ts';
import { type AppDeps, serviceContext } from '#src/web/deps.ts';
import { translateLoose } from '#src/web/i18n/index.ts';
import { requireRole, staffActor } from '#src/web/plugins/guards.ts';
import { field, formBody, pageParam } from '#src/web/views/console/kit.ts';
import { renderNotificationDetail, renderNotificationList } from '#src/web/views/console/notifications.ts';

/** Filter values longer than any stored event or kind cannot match; cut them. */
const maxFilterLength = 60;

export async function consoleNotificationRoutes(app: FastifyInstance, deps: AppDeps) {
  const html = 'text/html; charset=utf-8';

  app.get('/console/notifications', { preHandler: requireRole('operator') }, async (request, reply) => {
    const q = formBody(request.query);
    const text = (name: string) => field(q, name).trim().slice(0, maxFilterLength);
    const filter = { state: text('state'), kind: text('kind'), event: text('event') };
    const [page, facets] = await Promise.all([
      listNotifications(deps.store.db, { ...filter, page: pageParam(field(q, 'page')), perPage: 50 }),
      listNotificationFacets(deps.store.db),
    ]);
    return reply
      .type(html)
      .header('cache-control', 'no-store')
      .send(renderNotificationList(request, reply, { page, filter, facets }));
  });

  app.get('/console/notifications/:id', { preHandler: requireRole('operator') }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const detail = await getNotification(deps.store.db, id);
    if (!detail) return reply.callNotFound();
    const notice =
      field(formBody(request.query), 'notice') === 'retried' ? request.t('notifications.retried') : undefined;
    const isAdmin = staffActor(request).role === 'admin';
    return reply
      .type(html)
      .header('cache-control', 'no-store')
      .send(renderNotificationDetail(request, reply, { detail, isAdmin, notice }));
  });

  app.post(
    '/console/notifications/:id/retry',
    { preHandler: requireRole('admin') },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      try {
        await retryNotification({ ctx: serviceContext(deps, staffActor(request)), input: { id } });
        return reply.redirect(`/console/notifications/${encodeURIComponent(id)}?notice=retried`, 303);
      } catch (e) {
        if (e instanceof DialtoneError && e.code === 'not_found') return reply.callNotFound();
        // Retried meanwhile by another admin (or delivered): show the message as it is now.
        if (!(e instanceof DialtoneError && e.code === 'invalid_transition')) throw e;
        const detail = await getNotification(deps.store.db, id);
        if (!detail) return reply.callNotFound();
        reply.code(409);
        return reply.type(html).send(
          renderNotificationDetail(request, reply, {
            detail,
            isAdmin: true,
            alert: translateLoose(request.t, e.key, e.params),
          }),
        );
      }
    },
  );
}
