/**
 * @module Console users for the users page and the CLI, ordered by email; or one by id or email.
 * Password hashes never leave this module.
 */
import type { Tx } from './context.ts';
import { normalizeEmail, toUserSummary, type UserSummary } from './create-user.ts';

export async function listUsers(db: Tx, options: { includeDisabled?: boolean } = {}): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .$if(options.includeDisabled === false, (q) => q.where('disabled', '=', 0))
    .orderBy('email')
    .execute();
  return rows.map(toUserSummary);
}

export async function findUser(db: Tx, by: { id: string } | { email: string }): Promise<UserSummary | null> {
  const q = db.selectFrom('users').selectAll();
  const row = await ('id' in by
    ? q.where('id', '=', by.id)
    : q.where('email', '=', normalizeEmail(by.email))
  ).executeTakeFirst();
  return row ? toUserSummary(row) : null;
}
