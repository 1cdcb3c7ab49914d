/**
 * @module authenticateApiToken: who is asking, from an API token (stored hashed). Revoked
 * tokens resolve to nobody.
 */
import type { Actor, Role, Tx } from './context.ts';
import { hashToken } from './secrets.ts';

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
