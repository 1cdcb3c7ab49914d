/**
 * @module An admin withdraws an open invitation: its link stops working at once. An invitation
 * already accepted or revoked is left as it is (changed: false).
 */
import type { ServiceContext } from './context.ts';
import { assertMayManageUsers } from './user-rules.ts';
import { writeAudit } from './write-audit.ts';

export async function revokePartnerInvitation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { invitationId: string };
}): Promise<{ changed: boolean }> {
  assertMayManageUsers(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('partner_invitations')
      .set({ revoked_at: ctx.clock().toISOString() })
      .where('id', '=', input.invitationId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning(['id', 'email'])
      .executeTakeFirst();
    if (!row) return { changed: false };
    await writeAudit(trx, ctx, {
      action: 'partner.invitation_revoke',
      subjectType: 'partner_invitation',
      subjectId: row.id,
      detail: { email: row.email },
    });
    return { changed: true };
  });
}
