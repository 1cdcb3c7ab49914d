/**
 * @module The "possible outage" alerts still open (for the console banners), newest first, with
 * the reports each covers that are not yet linked or closed (those a declaration would link).
 */
import type { Tx } from './context.ts';

export interface ReportAlertView {
  id: string;
  serviceId: string;
  state: string;
  reportCount: number;
  firstReportAt: string;
  lastReportAt: string;
  /** Reports of this alert still new or triaged, oldest first. */
  pendingReportIds: string[];
}

export async function listReportAlerts(
  db: Tx,
  options: { states?: readonly string[] } = {},
): Promise<ReportAlertView[]> {
  const alerts = await db
    .selectFrom('report_alerts')
    .selectAll()
    .where('state', 'in', [...(options.states ?? ['open'])])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (alerts.length === 0) return [];
  const links = await db
    .selectFrom('report_alert_reports')
    .innerJoin('reports', 'reports.id', 'report_alert_reports.report_id')
    .select(['report_alert_reports.alert_id', 'reports.id'])
    .where(
      'report_alert_reports.alert_id',
      'in',
      alerts.map((a) => a.id),
    )
    .where('reports.state', 'in', ['new', 'triaged'])
    .orderBy('reports.created_at')
    .orderBy('reports.id')
    .execute();
  return alerts.map((a) => ({
    id: a.id,
    serviceId: a.service_id,
    state: a.state,
    reportCount: a.report_count,
    firstReportAt: a.first_report_at,
    lastReportAt: a.last_report_at,
    pendingReportIds: links.filter((l) => l.alert_id === a.id).map((l) => l.id),
  }));
}
