/**
 * @module Tables of migration 007-partners (see migrations/). Merged into `Database` in ../schema.ts.
 */

/** An admin's invitation to become a partner user; the link's token is stored only hashed. */
export interface PartnerInvitationTable {
  id: string;
  token_hash: string;
  email: string;
  first_name: string;
  last_name: string;
  company: string;
  /** `de` | `en`. */
  locale: string;
  /** Label (email) of the admin who invited. */
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  user_id: string | null;
}

/** What a partner's reports are prefilled with. */
export interface PartnerProfileTable {
  user_id: string;
  first_name: string;
  last_name: string;
  company: string;
  /** E.164 or empty. */
  phone: string;
}

/** Clouds an incident names; none = the incident concerns every cloud. */
export interface IncidentCloudTable {
  incident_id: string;
  cloud_name: string;
}

export interface PartnerTables {
  partner_invitations: PartnerInvitationTable;
  partner_profiles: PartnerProfileTable;
  incident_clouds: IncidentCloudTable;
}
