/**
 * @module Snapshots of what a notification is about (domain/notification-notice.ts), read inside
 * the transaction of the event so that the message says what was true when it happened.
 */
import type { BilingualText } from '#src/domain/incident.ts';
import type { IncidentNotice, MaintenanceNotice, ReportNotice } from '#src/domain/notification-notice.ts';
import type { Tx } from './context.ts';

const bi = (de: string, en: string): BilingualText => ({ de, en });

export async function loadIncidentNotice(
  trx: Tx,
  event: IncidentNotice['event'],
  incidentId: string,
  updateId: string,
): Promise<{ notice: IncidentNotice; componentIds: string[] } | null> {
  const incident = await trx
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', incidentId)
    .executeTakeFirst();
  if (!incident) return null;
  const update = await trx
    .selectFrom('incident_updates')
    .select(['id', 'body_de', 'body_en', 'created_at', 'visibility'])
    .where('id', '=', updateId)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  // Internal notes are for staff: nobody outside hears about them.
  if (update?.visibility !== 'public') return null;
  const components = await trx
    .selectFrom('incident_components as ic')
    .innerJoin('components as c', 'c.id', 'ic.component_id')
    .select(['c.id', 'c.name_de', 'c.name_en'])
    .where('ic.incident_id', '=', incidentId)
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
  return {
    componentIds: components.map((c) => c.id),
    notice: {
      type: 'incident',
      event,
      incidentId,
      title: bi(incident.title_de, incident.title_en),
      status: incident.status,
      impact: incident.impact,
      components: components.map((c) => bi(c.name_de, c.name_en)),
      startedAt: incident.created_at,
      resolvedAt: incident.resolved_at,
      updateId,
      message: bi(update.body_de, update.body_en),
      updatedAt: update.created_at,
    },
  };
}

export async function loadMaintenanceNotice(
  trx: Tx,
  event: MaintenanceNotice['event'],
  maintenanceId: string,
): Promise<{ notice: MaintenanceNotice; componentIds: string[] } | null> {
  const m = await trx
    .selectFrom('maintenances')
    .selectAll()
    .where('id', '=', maintenanceId)
    .executeTakeFirst();
  if (!m) return null;
  const components = await trx
    .selectFrom('maintenance_components as mc')
    .innerJoin('components as c', 'c.id', 'mc.component_id')
    .select(['c.id', 'c.name_de', 'c.name_en'])
    .where('mc.maintenance_id', '=', maintenanceId)
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
  const latest = await trx
    .selectFrom('maintenance_updates')
    .select(['body_de', 'body_en'])
    .where('maintenance_id', '=', maintenanceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return {
    componentIds: components.map((c) => c.id),
    notice: {
      type: 'maintenance',
      event,
      maintenanceId,
      title: bi(m.title_de, m.title_en),
      components: components.map((c) => bi(c.name_de, c.name_en)),
      scheduledStart: m.scheduled_start,
      scheduledEnd: m.scheduled_end,
      message: latest ? bi(latest.body_de, latest.body_en) : null,
    },
  };
}

export async function loadReportNotice(
  trx: Tx,
  event: ReportNotice['event'],
  reportId: string,
  followToken: string | null,
): Promise<{ notice: ReportNotice; email: string; locale: 'de' | 'en'; version: number } | null> {
  const r = await trx
    .selectFrom('reports')
    .select([
      'id',
      'ticket',
      'state',
      'close_reason',
      'email',
      'locale',
      'incident_id',
      'erased_at',
      'version',
    ])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!r || r.erased_at !== null) return null;
  const incident = r.incident_id
    ? await trx
        .selectFrom('incidents')
        .select(['id', 'title_de', 'title_en', 'resolved_at'])
        .where('id', '=', r.incident_id)
        .executeTakeFirst()
    : undefined;
  const followPath = followToken
    ? `/reports/${encodeURIComponent(r.ticket)}?token=${encodeURIComponent(followToken)}`
    : null;
  return {
    email: r.email,
    locale: r.locale === 'en' ? 'en' : 'de',
    version: r.version,
    notice: {
      type: 'report',
      event,
      reportId,
      ticket: r.ticket,
      state: r.state,
      closeReason: r.close_reason,
      followPath,
      incident: incident
        ? {
            id: incident.id,
            title: bi(incident.title_de, incident.title_en),
            resolved: incident.resolved_at !== null,
          }
        : null,
    },
  };
}
