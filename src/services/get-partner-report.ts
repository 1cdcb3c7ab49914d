/**
 * @module getPartnerReport: one of a signed-in partner's own reports in full, for the partner's
 * follow page, found by ticket and owner — another partner's ticket reads as one that does not
 * exist.
 */
import { notFound } from '#src/domain/errors.ts';
import { ticketPattern } from '#src/domain/report.ts';
import type { Tx } from './context.ts';
import { getIncident } from './get-incident.ts';
import type { ReporterReportView } from './get-report-for-reporter.ts';

export async function getPartnerReport(
  db: Tx,
  options: { partnerUserId: string; ticket: string },
): Promise<ReporterReportView> {
  if (!ticketPattern.test(options.ticket)) throw notFound('report', options.ticket);
  const row = await db
    .selectFrom('reports')
    .innerJoin('services', 'services.id', 'reports.service_id')
    .select([
      'reports.ticket',
      'reports.state',
      'reports.close_reason',
      'reports.service_id',
      'reports.service_other',
      'reports.first_name',
      'reports.last_name',
      'reports.created_at',
      'reports.updated_at',
      'reports.closed_at',
      'reports.incident_id',
      'services.name_de',
      'services.name_en',
    ])
    .where('reports.ticket', '=', options.ticket)
    .where('reports.partner_user_id', '=', options.partnerUserId)
    .executeTakeFirst();
  if (!row) throw notFound('report', options.ticket);
  const incident = row.incident_id
    ? await getIncident(db, row.incident_id, { includeInternal: false }).catch(() => null)
    : null;
  return {
    ticket: row.ticket,
    state: row.state,
    closeReason: row.close_reason,
    service: { id: row.service_id, name: { de: row.name_de, en: row.name_en } },
    serviceOther: row.service_other,
    reporterName: `${row.first_name} ${row.last_name}`.trim(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    incident,
  };
}
