/**
 * @module getReportAlert: one "possible outage" alert in any state, with the reports it covers
 * that are not yet linked or closed.
 */
import type { Tx } from './context.ts';
import { listReportAlerts, type ReportAlertView } from './list-report-alerts.ts';

export async function getReportAlert(db: Tx, id: string): Promise<ReportAlertView | null> {
  const all = await listReportAlerts(db, { states: ['open', 'acknowledged', 'dismissed', 'declared'] });
  return all.find((a) => a.id === id) ?? null;
}
