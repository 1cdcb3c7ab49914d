/**
 * @module What a notification is about: a snapshot of the incident, maintenance window, report or
 * alert taken in the transaction of the event. Stored as the outbox row's payload (it is also the
 * body signed webhooks carry) and rendered into words when the message is sent.
 */
import type { BilingualText } from './incident.ts';

export type Locale = 'de' | 'en';

export interface IncidentNotice {
  type: 'incident';
  event: 'incident.declared' | 'incident.updated' | 'incident.resolved' | 'incident.affected';
  incidentId: string;
  title: BilingualText;
  /** `investigating` | `identified` | `monitoring` | `resolved`. */
  status: string;
  /** `none` | `minor` | `major` | `critical`. */
  impact: string;
  /** Names of the affected components. */
  components: BilingualText[];
  /** When the incident began (ISO 8601 UTC). */
  startedAt: string;
  resolvedAt: string | null;
  /** The update this message carries. */
  updateId: string;
  message: BilingualText;
  updatedAt: string;
}

export interface MaintenanceNotice {
  type: 'maintenance';
  event: 'maintenance.scheduled' | 'maintenance.reminder' | 'maintenance.started' | 'maintenance.completed';
  maintenanceId: string;
  title: BilingualText;
  components: BilingualText[];
  scheduledStart: string;
  scheduledEnd: string;
  /** The latest message of the window, if any. */
  message: BilingualText | null;
  /** Reminders: how many hours before the start this one goes out. */
  hoursBefore?: number;
}

export interface ReportNotice {
  type: 'report';
  event: 'report.received' | 'report.state_changed';
  reportId: string;
  ticket: string;
  /** `new` | `triaged` | `linked` | `closed`. */
  state: string;
  closeReason: string | null;
  /** Path of the private follow page (only known when the report was just filed). */
  followPath: string | null;
  /** The incident the report was linked to, if any. */
  incident: { id: string; title: BilingualText; resolved: boolean } | null;
}

export interface AlertNotice {
  type: 'alert';
  event: 'alert.fired' | 'alert.resolved';
  alertId: string;
  title: BilingualText;
  detail: BilingualText;
  /** Path in the console where the alert is shown. */
  path: string;
  at: string;
}

export type Notice = IncidentNotice | MaintenanceNotice | ReportNotice | AlertNotice;

/** Path (below the public URL) of the page the message points to. */
export function noticeLink(n: Notice): string {
  switch (n.type) {
    case 'incident':
      return `/incidents/${encodeURIComponent(n.incidentId)}`;
    case 'maintenance':
      return `/maintenance/${encodeURIComponent(n.maintenanceId)}`;
    case 'report':
      return n.followPath ?? (n.incident ? `/incidents/${encodeURIComponent(n.incident.id)}` : '/');
    case 'alert':
      return n.path;
  }
}
