/**
 * @module listPartnerReports: a signed-in partner's own reports (never another partner's):
 * ticket, service, state, when filed, the linked incident. One in full: getPartnerReport.
 */
import type { Tx } from './context.ts';
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
