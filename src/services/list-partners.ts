/**
 * @module The console's partner list: partner users with their company and state, and the
 * invitations not yet accepted (open, expired or revoked in the last 30 days), newest first.
 */
import type { Tx } from './context.ts';

export interface PartnerSummary {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  disabled: boolean;
  createdAt: string;
}

export interface InvitationSummary {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  /** `open` | `expired` | `revoked`. */
  state: 'open' | 'expired' | 'revoked';
}

const keepEndedDays = 30;

export async function listPartners(db: Tx, options: { now: Date }) {
  const partners = await db
    .selectFrom('users')
    .innerJoin('partner_profiles', 'partner_profiles.user_id', 'users.id')
    .select([
      'users.id',
      'users.email',
      'users.disabled',
      'users.created_at',
      'partner_profiles.first_name',
      'partner_profiles.last_name',
      'partner_profiles.company',
    ])
    .where('users.role', '=', 'partner')
    .orderBy('partner_profiles.company')
    .orderBy('users.email')
    .execute();
  const since = new Date(options.now.getTime() - keepEndedDays * 24 * 3600_000).toISOString();
  const invitations = await db
    .selectFrom('partner_invitations')
    .selectAll()
    .where('accepted_at', 'is', null)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const now = options.now.toISOString();
  return {
    partners: partners.map(
      (p): PartnerSummary => ({
        id: p.id,
        email: p.email,
        firstName: p.first_name,
        lastName: p.last_name,
        company: p.company,
        disabled: p.disabled !== 0,
        createdAt: p.created_at,
      }),
    ),
    invitations: invitations.map(
      (i): InvitationSummary => ({
        id: i.id,
        email: i.email,
        firstName: i.first_name,
        lastName: i.last_name,
        company: i.company,
        invitedBy: i.invited_by,
        createdAt: i.created_at,
        expiresAt: i.expires_at,
        state: i.revoked_at ? 'revoked' : i.expires_at <= now ? 'expired' : 'open',
      }),
    ),
  };
}
