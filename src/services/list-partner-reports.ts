/**
 * @module A signed-in partner's own reports (never another partner's): ticket, service, state,
 * when filed, the linked incident; and one of them in full for the partner's follow page, found
 * by ticket and owner — another partner's ticket reads as one that does not exist.
 */
import { notFound } from '#src/domain/errors.ts';
import { ticketPattern } from '#src/domain/report.ts';
import type { Tx } from './context.ts';
import { getIncident } from './get-incident.ts';
import type { ReporterReportView } from './get-report-for-reporter.ts';
import type { Bilingual } from './views.ts';

export interface PartnerReportRow {
  ticket: string;
  service: Bilingual;
  serviceOther: string;
  state: string;
  createdAt: string;
  incident: { id: string; title: Bilingual } | null;
}

/** Newest first; a partner with thousands of reports sees the latest `limit`. */
export async function listPartnerReports(
  db: Tx,
  options: { partnerUserId: string; limit?: number },
): Promise<PartnerReportRow[]> {
  const rows = await db
    .selectFrom('reports')
    .innerJoin('services', 'services.id', 'reports.service_id')
    .leftJoin('incidents', 'incidents.id', 'reports.incident_id')
    .select([
      'reports.ticket',
      'reports.state',
      'reports.created_at',
      'reports.service_other',
      'services.name_de',
      'services.name_en',
      'incidents.id as incident_id',
      'incidents.title_de',
      'incidents.title_en',
    ])
    .where('reports.partner_user_id', '=', options.partnerUserId)
    .orderBy('reports.created_at', 'desc')
    .orderBy('reports.ticket', 'desc')
    .limit(options.limit ?? 200)
    .execute();
  return rows.map((r) => ({
    ticket: r.ticket,
    service: { de: r.name_de, en: r.name_en },
    serviceOther: r.service_other,
    state: r.state,
    createdAt: r.created_at,
    incident: r.incident_id
      ? { id: r.incident_id, title: { de: r.title_de ?? '', en: r.title_en ?? '' } }
      : null,
  }));
}

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

/** What a partner's report form is prefilled with. */
export async function getPartnerProfile(db: Tx, userId: string) {
  const row = await db
    .selectFrom('partner_profiles')
    .innerJoin('users', 'users.id', 'partner_profiles.user_id')
    .select([
      'users.email',
      'users.disabled',
      'users.role',
      'partner_profiles.first_name',
      'partner_profiles.last_name',
      'partner_profiles.company',
      'partner_profiles.phone',
    ])
    .where('partner_profiles.user_id', '=', userId)
    .executeTakeFirst();
  if (row?.role !== 'partner' || row.disabled) return null;
  return {
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    company: row.company,
    phone: row.phone,
  };
}
