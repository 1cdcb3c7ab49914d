/**
 * @module Changes a user's password. Their own: the current password is required. Someone else's
 * (admin reset, CLI): not. Either way every session of that user ends in the same transaction, so
 * whoever held an old cookie (or the old password) is out and the user signs in again.
 */
import { notFound, validationError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { assertMayManageUsers, checkNewPassword } from './user-rules.ts';
import { writeAudit } from './write-audit.ts';

export interface ChangePasswordInput {
  userId: string;
  /** Required when users change their own password. */
  currentPassword?: string | undefined;
  newPassword: string;
  /** Present when the form asks twice. */
  newPasswordConfirm?: string | undefined;
}

export async function changePassword({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ChangePasswordInput;
}): Promise<{ sessionsEnded: number }> {
  const own = ctx.actor.type === 'user' && ctx.actor.id === input.userId;
  if (!own) assertMayManageUsers(ctx);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('id', '=', input.userId)
    .executeTakeFirst();
  if (!user) throw notFound('user', input.userId);

  const errors = checkNewPassword(input.newPassword, input.newPasswordConfirm, {
    password: 'newPassword',
    confirmation: 'newPasswordConfirm',
  });
  if (own) {
    const current = input.currentPassword ?? '';
    if (current === '') errors.unshift({ path: 'currentPassword', key: 'error.required' });
    else if (!(await verifyPassword(current, user.password_hash))) {
      errors.unshift({ path: 'currentPassword', key: 'error.wrongPassword' });
    }
  }
  if (errors.length > 0) throw validationError(errors);

  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: ctx.clock().toISOString() })
      .where('id', '=', input.userId)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw notFound('user', input.userId);
    const ended = await trx.deleteFrom('sessions').where('user_id', '=', input.userId).executeTakeFirst();
    const sessionsEnded = Number(ended.numDeletedRows);
    await writeAudit(trx, ctx, {
      action: own ? 'user.password_change' : 'user.password_reset',
      subjectType: 'user',
      subjectId: input.userId,
      detail: { sessionsEnded },
    });
    return { sessionsEnded };
  });
}
