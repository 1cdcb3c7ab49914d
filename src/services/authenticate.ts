/**
 * @module Who is asking: resolves a session cookie or an API token (both stored hashed) to an
 * actor. Expired sessions, revoked tokens and disabled users resolve to nobody.
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

export async function authenticateApiToken(db: Tx, token: string, now: Date): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  // Record use at most once a minute: a busy integration must not turn reads into writes.
  if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return { type: 'api_token', id: row.id, label: `token:${row.name}`, role: row.role as Role };
}
