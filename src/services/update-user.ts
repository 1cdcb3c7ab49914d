/**
 * @module Changes a user's role (admins only; never demoting the last active admin) or console
 * language (the user themselves, or an admin). Unchanged values write nothing.
 */

import type { FieldError } from '#src/domain/errors.ts';
import { notFound, validationError } from '#src/domain/errors.ts';
import { isRole, type ServiceContext } from './context.ts';
import {
  assertMayManageUsers,
  isUserLocale,
  lastAdminError,
  lockUsers,
  otherActiveAdmins,
  toUserSummary,
  type UserSummary,
} from './user-rules.ts';
import { writeAudit } from './write-audit.ts';

export interface UpdateUserInput {
  userId: string;
  role?: string | undefined;
  locale?: string | undefined;
}

export async function updateUser({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: UpdateUserInput;
}): Promise<{ user: UserSummary; changed: boolean }> {
  const self = ctx.actor.type === 'user' && ctx.actor.id === input.userId;
  if (input.role !== undefined || !self) assertMayManageUsers(ctx);
  const errors: FieldError[] = [];
  if (input.role !== undefined && !isRole(input.role)) {
    errors.push({ path: 'role', key: 'error.invalidValue', params: { value: input.role } });
  }
  if (input.locale !== undefined && !isUserLocale(input.locale)) {
    errors.push({ path: 'locale', key: 'error.invalidValue', params: { value: input.locale } });
  }
  if (errors.length > 0) throw validationError(errors);

  return ctx.db.transaction().execute(async (trx) => {
    await lockUsers(trx, ctx);
    const row = await trx.selectFrom('users').selectAll().where('id', '=', input.userId).executeTakeFirst();
    if (!row) throw notFound('user', input.userId);
    const patch: { role?: string; locale?: string } = {};
    const detail: Record<string, { from: string; to: string }> = {};
    if (input.role !== undefined && input.role !== row.role) {
      if (row.role === 'admin' && !row.disabled && (await otherActiveAdmins(trx, row.id)) === 0) {
        throw lastAdminError();
      }
      patch.role = input.role;
      detail.role = { from: row.role, to: input.role };
    }
    if (input.locale !== undefined && input.locale !== row.locale) {
      patch.locale = input.locale;
      detail.locale = { from: row.locale, to: input.locale };
    }
    if (Object.keys(patch).length === 0) return { user: toUserSummary(row), changed: false };
    await trx.updateTable('users').set(patch).where('id', '=', row.id).execute();
    await writeAudit(trx, ctx, { action: 'user.update', subjectType: 'user', subjectId: row.id, detail });
    return { user: toUserSummary({ ...row, ...patch }), changed: true };
  });
}
