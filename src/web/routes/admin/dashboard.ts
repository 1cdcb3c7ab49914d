/**
 * @module Console: the dashboard at /console — the state of every component and what is open.
 */
import type { FastifyInstance } from 'fastify';
import { getStatusSnapshot } from '#src/services/get-status-snapshot.ts';
import { listPendingAlerts } from '#src/services/list-pending-alerts.ts';
import { listReportAlerts } from '#src/services/list-report-alerts.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { requireRole } from '#src/web/plugins/guards.ts';
import { renderAlertBanner } from '#src/web/views/console/alert-pages.ts';
import { renderDashboard } from '#src/web/views/console/dashboard.ts';
import { componentNamer } from '#src/web/views/console/incident-common.ts';
import { noticeOf } from '#src/web/views/console/kit.ts';
import { renderReportAlertBanner } from '#src/web/views/console/report-common.ts';

export async function consoleDashboardRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/console', { preHandler: requireRole('operator') }, async (request, reply) => {
    const [snapshot, alerts, pending] = await Promise.all([
      getStatusSnapshot(deps.store.db, deps.clock()),
      listReportAlerts(deps.store.db),
      listPendingAlerts(deps.store.db),
    ]);
    const banner = renderReportAlertBanner({
      t: request.t,
      locale: request.locale,
      timeZone: request.timeZone,
      csrf: request.csrfToken(reply),
      services: snapshot.catalog.services,
      alerts,
    });
    // Detector alerts waiting for an operator's decision (docs/ALERTS.md), above the report banners.
    const alertBanner = renderAlertBanner(
      {
        t: request.t,
        locale: request.locale,
        timeZone: request.timeZone,
        csrf: request.csrfToken(reply),
        componentName: componentNamer(snapshot.catalog.components, request.locale),
      },
      pending,
    );
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderDashboard(request, reply, snapshot, noticeOf(request), alertBanner + banner));
  });
}
