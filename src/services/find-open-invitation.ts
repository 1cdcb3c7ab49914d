/**
 * @module findOpenInvitation: the open partner invitation behind a link's token, or null (wrong,
 * used, revoked and expired links all read the same). The invitation page checks the link with it
 * before showing the form; acceptPartnerInvitation checks again inside its transaction.
 */
import type { PartnerInvitationTable } from '#src/adapters/store/schema/partners.ts';
import type { Tx } from './context.ts';
import { hashToken } from './secrets.ts';

export async function findOpenInvitation(
  db: Tx,
  token: string,
  now: Date,
): Promise<PartnerInvitationTable | null> {
  if (!token || token.length > 200) return null;
  const row = await db
    .selectFrom('partner_invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row ?? null;
}
