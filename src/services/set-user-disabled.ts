/**
 * @module Disables or re-enables a user. A disabled user cannot sign in, and their sessions end
 * here (authenticate also refuses them, should a session slip through). The last active admin
 * cannot be disabled: somebody must be able to manage users.
 */
import { notFound } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import {
  assertMayManageUsers,
  lastAdminError,
  lockUsers,
  otherActiveAdmins,
  toUserSummary,
  type UserSummary,
} from './user-rules.ts';
import { writeAudit } from './write-audit.ts';

export async function setUserDisabled({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { userId: string; disabled: boolean };
}): Promise<{ user: UserSummary; changed: boolean }> {
  assertMayManageUsers(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    await lockUsers(trx, ctx);
    const row = await trx.selectFrom('users').selectAll().where('id', '=', input.userId).executeTakeFirst();
    if (!row) throw notFound('user', input.userId);
    const flag = input.disabled ? 1 : 0;
    if (row.disabled === flag) return { user: toUserSummary(row), changed: false };
    if (input.disabled && row.role === 'admin' && (await otherActiveAdmins(trx, row.id)) === 0) {
      throw lastAdminError();
    }
    await trx.updateTable('users').set({ disabled: flag }).where('id', '=', row.id).execute();
    let sessionsEnded = 0;
    if (input.disabled) {
      const ended = await trx.deleteFrom('sessions').where('user_id', '=', row.id).executeTakeFirst();
      sessionsEnded = Number(ended.numDeletedRows);
    }
    await writeAudit(trx, ctx, {
      action: input.disabled ? 'user.disable' : 'user.enable',
      subjectType: 'user',
      subjectId: row.id,
      detail: input.disabled ? { email: row.email, sessionsEnded } : { email: row.email },
    });
    return { user: toUserSummary({ ...row, disabled: flag }), changed: true };
  });
}
