/**
 * @module findUser: one console user by id or email (normalised), for the users page and the CLI.
 * Password hashes never leave this module.
 */
import type { Tx } from './context.ts';
import { normalizeEmail, toUserSummary, type UserSummary } from './user-rules.ts';

export async function findUser(db: Tx, by: { id: string } | { email: string }): Promise<UserSummary | null> {
  const q = db.selectFrom('users').selectAll();
  const row = await ('id' in by
    ? q.where('id', '=', by.id)
    : q.where('email', '=', normalizeEmail(by.email))
  ).executeTakeFirst();
  return row ? toUserSummary(row) : null;
}
