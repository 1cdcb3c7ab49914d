/**
 * @module listUsers: console users for the users page and the CLI, ordered by email (one by id
 * or email: findUser). Password hashes never leave this module.
 */
import type { Tx } from './context.ts';
import { toUserSummary, type UserSummary } from './user-rules.ts';

export async function listUsers(db: Tx, options: { includeDisabled?: boolean } = {}): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .$if(options.includeDisabled === false, (q) => q.where('disabled', '=', 0))
    .orderBy('email')
    .execute();
  return rows.map(toUserSummary);
}
