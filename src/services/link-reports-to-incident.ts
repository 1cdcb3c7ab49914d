/**
 * @module Links one or many reports to an open incident (state linked). All or nothing: when
 * one of them was closed meanwhile, none is linked and the error names its ticket.
 */
import type { ServiceContext, Tx } from './context.ts';
import { fieldRefused, moveReport, type ReportState, requireOpenIncident } from './report-transition.ts';

/** A bulk action larger than this is a mistake, not a plan. */
export const maxBulkReports = 500;

export async function linkReportsToIncident({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { reportIds: readonly string[]; incidentId: string };
}) {
  const reportIds = [...new Set(input.reportIds)];
  if (reportIds.length === 0) throw fieldRefused('reportIds', 'console.reports.error.noneSelected');
  if (reportIds.length > maxBulkReports) {
    throw fieldRefused('reportIds', 'console.reports.error.tooMany', { max: maxBulkReports });
  }
  if (input.incidentId === '') throw fieldRefused('incidentId', 'error.required');
  return ctx.db.transaction().execute(async (trx) => {
    // Checked inside the transaction, so an incident resolved meanwhile is not linked to.
    await requireOpenIncident(trx, input.incidentId);
    return linkReportsInTransaction(trx, ctx, reportIds, input.incidentId, ['new', 'triaged', 'linked']);
  });
}

/** Moves each report (from one of `from`) to linked, in the caller's transaction; all or none. */
export async function linkReportsInTransaction(
  trx: Tx,
  ctx: ServiceContext,
  reportIds: readonly string[],
  incidentId: string,
  from: readonly ReportState[],
) {
  for (const reportId of reportIds) {
    await moveReport(trx, ctx, {
      reportId,
      from,
      to: 'linked',
      set: { state: 'linked', incident_id: incidentId },
      action: 'report.link',
      detail: { incidentId },
    });
  }
  return { linked: reportIds.length };
}
