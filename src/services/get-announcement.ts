/**
 * @module What the hotline's phone menu should play now for a caller (looked up by the calling
 * number in the inventory) or for a service (the menu option the caller chose). Concerns the caller:
 * open incidents whose affected components (their own and, for faults, everything that depends on
 * them) include a component of the caller's numbers or of the service, and maintenance running on
 * them. A number the inventory does not know (the customer may call from a mobile phone about the
 * office line) hears about every open incident: better one sentence too many than silence.
 *
 * @example
 * await getAnnouncement(db, { number: '+493551234567', locale: 'de', timeZone: 'Europe/Berlin', now })
 * // → { text: 'Guten Tag. Wir haben derzeit eine Störung: …', scope: 'number', knownNumber: true, … }
 */
import { affectedComponentIds } from '#src/domain/affected.ts';
import { type Announcement, type AnnouncementLocale, announcementText } from '#src/domain/announcement.ts';
import { validationError } from '#src/domain/errors.ts';
import { normalizeE164 } from '#src/domain/inventory.ts';
import { toE164 } from '#src/domain/report.ts';
import type { Tx } from './context.ts';
import { getStatusSnapshot } from './get-status-snapshot.ts';

export interface AnnouncementQuery {
  /** The caller's number (E.164, or national with a leading 0 read as German). */
  number?: string;
  /** A catalog service id. */
  service?: string;
  locale: AnnouncementLocale;
  timeZone: string;
  now: Date;
}

export interface AnnouncementAnswer extends Announcement {
  locale: AnnouncementLocale;
  scope: 'number' | 'service';
  /** For a number: whether the inventory knows it (false: every open incident was considered). */
  knownNumber: boolean | null;
}

export async function getAnnouncement(db: Tx, query: AnnouncementQuery): Promise<AnnouncementAnswer> {
  const snapshot = await getStatusSnapshot(db, query.now);
  const { catalog } = snapshot;
  let scope: Set<string> | null;
  let knownNumber: boolean | null = null;
  if (query.number !== undefined) {
    const number = normalizeE164(query.number) ?? toE164(query.number);
    if (!number) {
      throw validationError([{ path: 'number', key: 'announcement.error.number' }]);
    }
    const rows = await db
      .selectFrom('resources as r')
      .innerJoin('resource_components as rc', 'rc.resource_id', 'r.id')
      .where('r.kind', '=', 'phone_number')
      .where('r.value', '=', number)
      .select('rc.component_id')
      .execute();
    knownNumber = rows.length > 0;
    scope = knownNumber ? new Set(rows.map((r) => r.component_id)) : null;
  } else if (query.service !== undefined) {
    if (!catalog.services.some((s) => s.id === query.service)) {
      throw validationError([
        { path: 'service', key: 'announcement.error.unknownService', params: { value: query.service } },
      ]);
    }
    scope = new Set(catalog.components.filter((c) => c.services.includes(query.service!)).map((c) => c.id));
  } else {
    throw validationError([{ path: 'number', key: 'announcement.error.numberOrService' }]);
  }

  const concerns = (ids: Iterable<string>) => scope === null || [...ids].some((id) => scope.has(id));
  const incidents = snapshot.activeIncidents.filter((i) =>
    concerns(affectedComponentIds(i.components, catalog.components)),
  );
  const overrides = await loadOverrides(
    db,
    incidents.map((i) => i.id),
  );
  const announcement = announcementText({
    locale: query.locale,
    timeZone: query.timeZone,
    now: query.now,
    incidents: incidents.map((i) => ({
      id: i.id,
      title: i.title,
      status: i.status,
      startedAt: i.createdAt,
      override: overrides.get(i.id) ?? null,
    })),
    maintenances: snapshot.activeMaintenances
      .filter((m) => m.status === 'in_progress' && concerns(m.componentIds))
      .map((m) => ({ id: m.id, title: m.title, scheduledEnd: m.scheduledEnd })),
  });
  return {
    ...announcement,
    locale: query.locale,
    scope: query.number !== undefined ? 'number' : 'service',
    knownNumber,
  };
}

async function loadOverrides(db: Tx, incidentIds: string[]) {
  if (incidentIds.length === 0) return new Map<string, { de: string; en: string }>();
  const rows = await db
    .selectFrom('incident_communications')
    .where('incident_id', 'in', incidentIds)
    .select(['incident_id', 'announcement_de', 'announcement_en'])
    .execute();
  return new Map(
    rows
      .filter((r) => r.announcement_de || r.announcement_en)
      .map((r) => [r.incident_id, { de: r.announcement_de ?? '', en: r.announcement_en ?? '' }]),
  );
}
