/**
 * @module Console: the dashboard at /console — the state of every component and what is open.
 */
import type { FastifyInstance } from 'fastify';
import { getStatusSnapshot } from '#src/services/get-status-snapshot.ts';
import { listReportAlerts } from '#src/services/list-report-alerts.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { requireRole } from '#src/web/plugins/guards.ts';
import { renderDashboard } from '#src/web/views/console/dashboard.ts';
import { noticeOf } from '#src/web/views/console/kit.ts';
import { renderReportAlertBanner } from '#src/web/views/console/report-common.ts';

export async function consoleDashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/console', { preHandler: requireRole('operator') }, async (request, reply) => {
    const [snapshot, alerts] = await Promise.all([
      getStatusSnapshot(deps.store.db, deps.clock()),
      listReportAlerts(deps.store.db),
    ]);
    const banner = renderReportAlertBanner({
      t: request.t,
      locale: request.locale,
      timeZone: request.timeZone,
      csrf: request.csrfToken(reply),
      services: snapshot.catalog.services,
      alerts,
    });
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderDashboard(request, reply, snapshot, noticeOf(request), banner));
  });
}
