/**
 * @module createUser: an admin creates a console user (admin or operator) with a scrypt-hashed
 * password, audited in the same transaction. The shared rules are in user-rules.ts.
 */
import type { ServiceContext } from './context.ts';
import { hashPassword } from './secrets.ts';
import {
  assertMayManageUsers,
  type CreateUserInput,
  checkNewUser,
  insertUser,
  lockUsers,
  type UserSummary,
} from './user-rules.ts';
import { writeAudit } from './write-audit.ts';

export async function createUser({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateUserInput;
}): Promise<UserSummary> {
  assertMayManageUsers(ctx);
  const fields = checkNewUser(input);
  // Hash before the transaction: scrypt takes a while and must not hold the lock.
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    await lockUsers(trx, ctx);
    const user = await insertUser(trx, ctx, { ...fields, passwordHash });
    await writeAudit(trx, ctx, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      detail: { email: user.email, role: user.role },
    });
    return user;
  });
}
