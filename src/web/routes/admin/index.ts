/**
 * @module The staff console under /console: each area in its own module, registered here in order.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';
import { consoleAlertRoutes } from './alerts.ts';
import { consoleAuditRoutes } from './audit.ts';
import { consoleChannelRoutes } from './channels.ts';
import { consoleAuthRoutes } from './auth.ts';
import { consoleCatalogRoutes } from './catalog.ts';
import { consoleDashboardRoutes } from './dashboard.ts';
import { consoleAftercareRoutes } from './incident-aftercare.ts';
import { consoleIncidentRoutes } from './incidents.ts';
import { consoleMaintenanceRoutes } from './maintenance.ts';
import { consoleMonitorRoutes } from './monitors.ts';
import { consoleNotificationRoutes } from './notifications.ts';
import { consolePartnerRoutes } from './partner-invitations.ts';
import { consoleReporterDataRoutes } from './reporter-data.ts';
import { consoleReportRoutes } from './reports.ts';
import { consoleSelfCheckRoutes } from './self-check.ts';
import { consoleSubscriberRoutes } from './subscribers.ts';
import { consoleTelemetryRoutes } from './telemetry.ts';
import { consoleTemplateRoutes } from './templates.ts';
import { consoleTokenRoutes } from './tokens.ts';
import { consoleUserRoutes } from './users.ts';

export async function consoleRoutes(app: FastifyInstance, deps: AppDeps) {
  await consoleAuthRoutes(app, deps);
  await consoleDashboardRoutes(app, deps);
  await consoleIncidentRoutes(app, deps);
  await consoleAftercareRoutes(app, deps);
  await consoleReportRoutes(app, deps);
  await consoleAlertRoutes(app, deps);
  await consoleMaintenanceRoutes(app, deps);
  await consoleTemplateRoutes(app, deps);
  await consoleCatalogRoutes(app, deps);
  await consoleSelfCheckRoutes(app, deps);
  await consoleReporterDataRoutes(app, deps);
  await consoleUserRoutes(app, deps);
  await consolePartnerRoutes(app, deps);
  await consoleTokenRoutes(app, deps);
  await consoleChannelRoutes(app, deps);
  await consoleSubscriberRoutes(app, deps);
  await consoleTelemetryRoutes(app, deps);
  await consoleMonitorRoutes(app, deps);
  await consoleNotificationRoutes(app, deps);
  await consoleAuditRoutes(app, deps);
}
