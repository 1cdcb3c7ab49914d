/**
 * @module The database schema as Kysely sees it. One schema for SQLite and PostgreSQL:
 * timestamps are ISO 8601 UTC text (`2026-11-22T00:46:05.000Z`, sorts as time), booleans are
 * integers 0/1, lists are JSON text. Names are the product's words (see docs/ARCHITECTURE.md).
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { AlertTables } from './schema/alerts.ts';
import type { FanoutTables } from './schema/fanouts.ts';
import type { ComponentAlertingColumns, MonitorTables } from './schema/monitors.ts';
import type { OutboxTables } from './schema/outbox.ts';
import type { PartnerTables } from './schema/partners.ts';
import type { ReportDataTables } from './schema/report-data.ts';
import type { RestorationTables } from './schema/restoration.ts';
import type { SubscriberTables } from './schema/subscribers.ts';
import type { TelemetryTables } from './schema/telemetry.ts';

export interface SiteTable {
  id: string;
  name_de: string;
  name_en: string;
  position: number;
}

export interface ServiceTable {
  id: string;
  name_de: string;
  name_en: string;
  description_de: string;
  description_en: string;
  /** JSON array of reporter kinds allowed to report this service: `["partner","customer"]`. */
  reporters: string;
  /** JSON array of identifier definitions a report must carry: `[{"key":"cloudName","label_de":…}]`. */
  identifiers: string;
  queue: string;
  position: number;
}

export interface ComponentGroupTable {
  id: string;
  name_de: string;
  name_en: string;
  position: number;
}

export interface ComponentTable extends ComponentAlertingColumns {
  id: string;
  group_id: string | null;
  site_id: string | null;
  name_de: string;
  name_en: string;
  description_de: string;
  description_en: string;
  position: number;
  created_at: string;
}

export interface ComponentServiceTable {
  component_id: string;
  service_id: string;
}

export interface ComponentDependencyTable {
  component_id: string;
  depends_on_id: string;
}

export interface HotlineTable {
  id: string;
  label_de: string;
  label_en: string;
  phone: string;
  position: number;
}

export interface IncidentTable {
  id: string;
  title_de: string;
  title_en: string;
  /** `none` | `minor` | `major` | `critical` (Statuspage vocabulary). */
  impact: string;
  /** `investigating` | `identified` | `monitoring` | `resolved`. */
  status: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  /** Bumped on every change; the ETag of public pages and optimistic checks use it. */
  version: number;
}

export interface IncidentComponentTable {
  incident_id: string;
  component_id: string;
  /** Per-component status while the incident is open. */
  status: string;
}

export interface IncidentUpdateTable {
  id: string;
  incident_id: string;
  status: string;
  body_de: string;
  body_en: string;
  /** `public` | `internal`. */
  visibility: string;
  created_at: string;
  author: string;
}

export interface MaintenanceTable {
  id: string;
  title_de: string;
  title_en: string;
  /** `scheduled` | `in_progress` | `verifying` | `completed` | `cancelled`. */
  status: string;
  scheduled_start: string;
  scheduled_end: string;
  started_at: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface MaintenanceComponentTable {
  maintenance_id: string;
  component_id: string;
}

export interface MaintenanceUpdateTable {
  id: string;
  maintenance_id: string;
  status: string;
  body_de: string;
  body_en: string;
  created_at: string;
  author: string;
}

/** One row per stretch of time a component spent in one derived status; `ended_at` null = now. */
export interface StatusIntervalTable {
  id: string;
  component_id: string;
  status: string;
  started_at: string;
  ended_at: string | null;
}

export interface TemplateTable {
  id: string;
  name: string;
  status: string;
  title_de: string;
  title_en: string;
  body_de: string;
  body_en: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  /** `admin` | `operator` | `partner` (only by accepting an invitation; no staff right). */
  role: string;
  password_hash: string;
  /** Preferred console language, `de` | `en`. */
  locale: string;
  created_at: string;
  password_changed_at: string;
  disabled: number;
}

export interface SessionTable {
  /** SHA-256 of the cookie value; the cookie itself is never stored. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  name: string;
  role: string;
  /** SHA-256 of the token; the token is shown once and never stored. */
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** One-time link to create the first admin (hash of the token). */
export interface SetupTokenTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  /** Time-sortable id: ordering by id is ordering by time. */
  id: string;
  at: string;
  /** `user` | `api_token` | `system` | `cli`. */
  actor_type: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  /** JSON object with what changed. */
  detail: string;
}

export interface ReportTable {
  id: string;
  /** Readable ticket number, e.g. `ST-2026-000123`. */
  ticket: string;
  follow_token_hash: string;
  service_id: string;
  service_other: string;
  /** `partner` | `customer`. */
  reporter_kind: string;
  partner_user_id: string | null;
  company: string;
  first_name: string;
  last_name: string;
  email: string;
  /** E.164. */
  phone: string;
  /** JSON object of the service's identifiers. */
  identifiers: string;
  description: string;
  /** JSON array of the self-check steps taken. */
  triage_path: string;
  queue: string;
  /** `new` | `triaged` | `linked` | `closed`. */
  state: string;
  close_reason: string | null;
  incident_id: string | null;
  assignee_id: string | null;
  locale: string;
  submission_key: string | null;
  consent_at: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  erased_at: string | null;
  version: number;
}

export interface ReportCommentTable {
  id: string;
  report_id: string;
  author: string;
  body: string;
  created_at: string;
}

/** A "possible outage" raised by the report-cluster detector. */
export interface ReportAlertTable {
  id: string;
  service_id: string;
  /** `open` | `acknowledged` | `dismissed` | `declared`. */
  state: string;
  report_count: number;
  first_report_at: string;
  last_report_at: string;
  incident_id: string | null;
  handled_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Which reports an alert covers; a report belongs to at most one alert. */
export interface ReportAlertReportTable {
  alert_id: string;
  report_id: string;
}

/** A customer or partner from the imported inventory; `external_id` is its billing/CRM number. */
export interface CustomerTable {
  id: string;
  external_id: string;
  name: string;
  /** `partner` | `customer`. */
  kind: string;
  created_at: string;
  updated_at: string;
}

export interface ContactTable {
  id: string;
  customer_id: string;
  name: string;
  email: string;
  /** E.164 without spaces, or empty. */
  phone: string;
  /** `de` | `en`. */
  language: string;
}

export interface ContractTable {
  id: string;
  external_id: string;
  customer_id: string;
  service_id: string;
  /** JSON object of the identifiers as imported: `{"cloudName":"maxmuster.beispiel-cloud.de"}`. */
  identifiers: string;
  created_at: string;
  updated_at: string;
}

/** One normalised identifier of a contract, indexed on (service_id, key, value) for lookups. */
export interface ContractIdentifierTable {
  contract_id: string;
  service_id: string;
  key: string;
  value: string;
}

export interface ResourceTable {
  id: string;
  contract_id: string;
  /** `phone_number` | `trunk` | `cloud` | `line`. */
  kind: string;
  value: string;
}

export interface ResourceComponentTable {
  resource_id: string;
  component_id: string;
}

/** Tables of later areas live in schema/<area>.ts, one file per migration, merged here. */
export interface Database
  extends PartnerTables,
    ReportDataTables,
    MonitorTables,
    TelemetryTables,
    AlertTables,
    SubscriberTables,
    OutboxTables,
    RestorationTables,
    FanoutTables {
  sites: SiteTable;
  services: ServiceTable;
  component_groups: ComponentGroupTable;
  components: ComponentTable;
  component_services: ComponentServiceTable;
  component_dependencies: ComponentDependencyTable;
  hotlines: HotlineTable;
  incidents: IncidentTable;
  incident_components: IncidentComponentTable;
  incident_updates: IncidentUpdateTable;
  maintenances: MaintenanceTable;
  maintenance_components: MaintenanceComponentTable;
  maintenance_updates: MaintenanceUpdateTable;
  status_intervals: StatusIntervalTable;
  templates: TemplateTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  setup_tokens: SetupTokenTable;
  audit_log: AuditLogTable;
  reports: ReportTable;
  report_comments: ReportCommentTable;
  customers: CustomerTable;
  contacts: ContactTable;
  contracts: ContractTable;
  contract_identifiers: ContractIdentifierTable;
  resources: ResourceTable;
  resource_components: ResourceComponentTable;
  report_alerts: ReportAlertTable;
  report_alert_reports: ReportAlertReportTable;
}

export type IncidentRow = Selectable<IncidentTable>;
export type IncidentUpdateRow = Selectable<IncidentUpdateTable>;
export type MaintenanceRow = Selectable<MaintenanceTable>;
export type ComponentRow = Selectable<ComponentTable>;
export type UserRow = Selectable<UserTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
export type IncidentPatch = Updateable<IncidentTable>;
