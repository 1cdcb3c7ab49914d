/**
 * @module Declares an incident from one report or a cluster of them: the incident affects the
 * reported service's components (unless the operator chose others), then the reports are
 * linked to it; from a cluster alert, the alert is marked declared.
 *
 * One transaction: the incident, every report's link (conditional: `WHERE state IN (new,
 * triaged)`) and the alert. A report linked or closed meanwhile by someone else refuses the whole
 * declaration, so there is never an incident declared with some of its reports left unlinked.
 */
import type { BilingualText } from '#src/domain/incident.ts';
import { componentsOfService } from './components-of-service.ts';
import type { ServiceContext, Tx } from './context.ts';
import { insertIncident, prepareIncident } from './incident-declaration.ts';
import { linkReportsInTransaction, maxBulkReports } from './link-reports-to-incident.ts';
import { fieldRefused } from './report-transition.ts';
import { writeAudit } from './write-audit.ts';

export interface DeclareFromReportsInput {
  reportIds: readonly string[];
  title: BilingualText;
  message: BilingualText;
  /** Status of each affected component (default `partial_outage`). */
  componentStatus?: string | undefined;
  /** Omitted: every component of the first report's service. */
  componentIds?: readonly string[] | undefined;
  /** Set when declared from a "possible outage" alert. */
  alertId?: string | undefined;
  /** Cloud host names the incident concerns (none: every cloud). */
  clouds?: readonly string[] | undefined;
}

export async function declareIncidentFromReports({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: DeclareFromReportsInput;
}) {
  const reportIds = [...new Set(input.reportIds)];
  if (reportIds.length === 0) throw fieldRefused('reportIds', 'console.reports.error.noneSelected');
  if (reportIds.length > maxBulkReports) {
    throw fieldRefused('reportIds', 'console.reports.error.tooMany', { max: maxBulkReports });
  }
  const reports = await ctx.db
    .selectFrom('reports')
    .select(['id', 'ticket', 'state', 'service_id'])
    .where('id', 'in', reportIds)
    .execute();
  const missing = reportIds.find((id) => !reports.some((r) => r.id === id));
  if (missing) throw fieldRefused('reportIds', 'console.reports.error.unknownReport', { id: missing });
  const taken = reports.find((r) => r.state === 'closed' || r.state === 'linked');
  if (taken) {
    throw fieldRefused('reportIds', 'console.reports.error.alreadyHandled', {
      ticket: taken.ticket,
      state: taken.state,
    });
  }
  const first = reports.find((r) => r.id === reportIds[0])!;
  const componentIds = input.componentIds ?? (await componentsOfService(ctx.db, first.service_id));
  const status = input.componentStatus ?? 'partial_outage';
  const prepared = await prepareIncident(ctx, {
    title: input.title,
    message: input.message,
    components: componentIds.map((componentId) => ({ componentId, status })),
    clouds: input.clouds,
  });
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await insertIncident(trx, ctx, prepared);
    await linkReportsInTransaction(trx, ctx, reportIds, id, ['new', 'triaged']);
    if (input.alertId) await markAlertDeclared(trx, ctx, input.alertId, id);
    return { id };
  });
}

async function markAlertDeclared(trx: Tx, ctx: ServiceContext, alertId: string, incidentId: string) {
  const now = ctx.clock().toISOString();
  const updated = await trx
    .updateTable('report_alerts')
    .set({ state: 'declared', incident_id: incidentId, handled_by: ctx.actor.label, updated_at: now })
    .where('id', '=', alertId)
    .where('state', 'in', ['open', 'acknowledged'])
    .returning('id')
    .executeTakeFirst();
  // An alert dismissed meanwhile stays dismissed; the incident and links stand on their own.
  if (updated) {
    await writeAudit(trx, ctx, {
      action: 'report_alert.declare',
      subjectType: 'report_alert',
      subjectId: alertId,
      detail: { incidentId },
    });
  }
}
