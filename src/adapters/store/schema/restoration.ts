/**
 * @module Tables of migration 013-restoration (see migrations/). Merged into `Database` in ../schema.ts.
 */
import type { Generated } from 'kysely';

/** What an incident tells callers and affected customers; one row per incident, once set. */
export interface IncidentCommunicationTable {
  incident_id: string;
  /** The operator's own hotline announcement; null: the generated text. */
  announcement_de: string | null;
  announcement_en: string | null;
  /** 0/1: public updates and the resolution follow to the affected customers written to. */
  notify_affected: Generated<number>;
  affected_notified_at: string | null;
  affected_notified_count: Generated<number>;
  updated_at: string;
}

/** An affected resource an operator marked restored for an incident. */
export interface ResourceRestorationTable {
  incident_id: string;
  resource_id: string;
  restored_at: string;
  restored_by: string;
}

/** An address (lower-case email or E.164) that asked not to be written to about outages. */
export interface ContactOptOutTable {
  address: string;
  created_at: string;
}

export interface RestorationTables {
  incident_communications: IncidentCommunicationTable;
  resource_restorations: ResourceRestorationTable;
  contact_opt_outs: ContactOptOutTable;
}
