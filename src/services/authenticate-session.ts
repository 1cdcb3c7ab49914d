/**
 * @module authenticateSession: who is asking, from a session cookie (stored hashed). Expired
 * sessions and disabled users resolve to nobody.
 */
import type { Actor, Role, Tx } from './context.ts';
import { hashToken } from './secrets.ts';

export interface SessionInfo {
  actor: Actor & { type: 'user' };
  csrfToken: string;
  locale: string;
}

export async function authenticateSession(db: Tx, cookie: string, now: Date): Promise<SessionInfo | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.email',
      'users.role',
      'users.locale',
      'users.disabled',
      'sessions.csrf_token',
      'sessions.expires_at',
    ])
    .where('sessions.id_hash', '=', hashToken(cookie))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= now.toISOString()) return null;
  return {
    actor: { type: 'user', id: row.id, label: row.email, role: row.role as Role },
    csrfToken: row.csrf_token,
    locale: row.locale,
  };
}
