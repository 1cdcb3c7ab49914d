/**
 * @module The response shapes of Atlassian Statuspage's public API v2, field for field, as this
 * API sends them. Field names are Statuspage's (snake_case), not dialtone's.
 */
import type { ComponentStatus } from '#src/domain/status.ts';
import type { Indicator } from './strings.ts';

export interface SpPage {
  id: string;
  name: string;
  url: string;
  /** IANA zone of the page; every timestamp carries this zone's offset. */
  time_zone: string;
  updated_at: string;
}

export interface SpStatus {
  indicator: Indicator;
  description: string;
}

export interface SpComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  created_at: string;
  updated_at: string;
  position: number;
  description: string | null;
  showcase: boolean;
  /** Local date (`YYYY-MM-DD`) from which uptime counts. */
  start_date: string | null;
  group_id: string | null;
  page_id: string;
  group: boolean;
  only_show_if_degraded: boolean;
  /** Only on groups: the member component ids. */
  components?: string[];
}

export interface SpIncidentUpdate {
  id: string;
  status: string;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: null;
  deliver_notifications: boolean;
  custom_tweet: null;
  tweet_id: null;
}

export interface SpIncident {
  id: string;
  name: string;
  /** `investigating` | `identified` | `monitoring` | `resolved`. */
  status: string;
  created_at: string;
  updated_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  /** `none` | `minor` | `major` | `critical`; `maintenance` on scheduled maintenances. */
  impact: string;
  shortlink: string;
  started_at: string;
  page_id: string;
  incident_updates: SpIncidentUpdate[];
  components: SpComponent[];
}

export interface SpMaintenance extends SpIncident {
  /** `scheduled` | `in_progress` | `verifying` | `completed`. */
  status: string;
  scheduled_for: string;
  scheduled_until: string;
}
