/**
 * @module The invitee opens the link, sets a password and becomes a partner user: user, profile,
 * the invitation marked accepted, a session and the audit row, in one transaction. The link works
 * once, for 7 days, unless revoked; a wrong, used, revoked or expired link all read the same.
 */

import { DialtoneError, validationError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { createSession } from './create-session.ts';
import { findOpenInvitation } from './find-open-invitation.ts';
import { hashPassword } from './secrets.ts';
import { type SignInResult, userActor } from './sign-in.ts';
import { checkNewPassword, insertUser, lockUsers } from './user-rules.ts';
import { writeAudit } from './write-audit.ts';

export const invalidInvitation = () => new DialtoneError('not_found', 'partner.invitation.invalid');

export interface AcceptInvitationInput {
  token: string;
  password: string;
  passwordConfirm: string;
  sessionHours: number;
}

export async function acceptPartnerInvitation({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: AcceptInvitationInput;
}): Promise<SignInResult> {
  if (!(await findOpenInvitation(ctx.db, input.token, ctx.clock()))) throw invalidInvitation();
  const errors = checkNewPassword(input.password, input.passwordConfirm);
  if (errors.length > 0) throw validationError(errors);
  // scrypt takes a while: before the transaction, so that it does not hold the lock.
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await lockUsers(trx, ctx);
    const invitation = await findOpenInvitation(trx, input.token, ctx.clock());
    if (!invitation) throw invalidInvitation();
    const locale = invitation.locale === 'en' ? 'en' : 'de';
    // Someone created an account with this address after the invitation: say so, keep the link.
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', invitation.email)
      .executeTakeFirst();
    if (taken)
      throw new DialtoneError('conflict', 'partner.accept.emailTaken', {
        params: { email: invitation.email },
      });
    const user = await insertUser(trx, ctx, {
      email: invitation.email,
      role: 'partner',
      locale,
      passwordHash,
    });
    // Conditional: of two people using the link at once, one wins (SQLite serialises writers,
    // PostgreSQL waits on the users lock above and then sees accepted_at set).
    const claimed = await trx
      .updateTable('partner_invitations')
      .set({ accepted_at: now, user_id: user.id })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw invalidInvitation();
    await trx
      .insertInto('partner_profiles')
      .values({
        user_id: user.id,
        first_name: invitation.first_name,
        last_name: invitation.last_name,
        company: invitation.company,
        phone: '',
      })
      .execute();
    const session = await createSession(trx, ctx, user.id, input.sessionHours);
    await writeAudit(
      trx,
      { ...ctx, actor: userActor(user) },
      {
        action: 'partner.accept',
        subjectType: 'user',
        subjectId: user.id,
        detail: { email: user.email, company: invitation.company, invitationId: invitation.id },
      },
    );
    return { ...session, user };
  });
}
