/**
 * @module What the reporter sees behind the private follow link: the report's state, service and
 * time, the reporter's own name, and the linked incident with its public updates. The token is
 * compared with the stored hash in constant time; a wrong token is indistinguishable from a
 * ticket that does not exist.
 */
import { notFound } from '#src/domain/errors.ts';
import { ticketPattern } from '#src/domain/report.ts';
import type { Tx } from './context.ts';
import { getIncident } from './get-incident.ts';
import { hashToken, safeEqual } from './secrets.ts';
import type { Bilingual, IncidentView } from './views.ts';

export interface ReporterReportView {
  ticket: string;
  state: string;
  closeReason: string | null;
  service: { id: string; name: Bilingual };
  serviceOther: string;
  /** The reporter's own name; empty once the retention job erased it. */
  reporterName: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Public updates only. */
  incident: IncidentView | null;
}

export async function getReportForReporter(
  db: Tx,
  options: { ticket: string; token: string },
): Promise<ReporterReportView> {
  const missing = () => notFound('report', options.ticket);
  if (!ticketPattern.test(options.ticket) || !options.token || options.token.length > 200) throw missing();
  const row = await db
    .selectFrom('reports')
    .innerJoin('services', 'services.id', 'reports.service_id')
    .select([
      'reports.ticket',
      'reports.follow_token_hash',
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
    .executeTakeFirst();
  if (!row || !safeEqual(hashToken(options.token), row.follow_token_hash)) throw missing();
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
