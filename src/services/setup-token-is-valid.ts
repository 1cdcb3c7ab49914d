/**
 * @module setupTokenIsValid: whether a first-run setup link still works (no user exists yet
 * and the token is known and unexpired). The setup page checks it before showing the form;
 * completeSetup checks again under its lock.
 */
import type { Tx } from './context.ts';
import { hashToken } from './secrets.ts';

export async function setupTokenIsValid(db: Tx, token: string, now: Date): Promise<boolean> {
  if (!token) return false;
  const [user, row] = await Promise.all([
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
    db
      .selectFrom('setup_tokens')
      .select('expires_at')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst(),
  ]);
  return !user && !!row && row.expires_at > now.toISOString();
}
