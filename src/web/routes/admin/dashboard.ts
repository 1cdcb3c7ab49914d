/**
 * @module Console: the dashboard at /console — the state of every component and what is open.
 */
import type { FastifyInstance } from 'fastify';
import { getStatusSnapshot } from '#src/services/get-status-snapshot.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { requireRole } from '#src/web/plugins/guards.ts';
import { renderDashboard } from '#src/web/views/console/dashboard.ts';
import { noticeOf } from '#src/web/views/console/kit.ts';

export async function consoleDashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/console', { preHandler: requireRole('operator') }, async (request, reply) => {
    const snapshot = await getStatusSnapshot(deps.store.db, deps.clock());
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderDashboard(request, reply, snapshot, noticeOf(request)));
  });
}
