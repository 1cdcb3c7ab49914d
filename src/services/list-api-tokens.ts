/**
 * @module API tokens for the console, the CLI and the API: active first, then revoked, newest
 * first within each. Never the secret (only its hash is stored anyway, and not returned).
 */
import type { StaffRole, Tx } from './context.ts';

export interface ApiTokenView {
  id: string;
  name: string;
  role: StaffRole;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listApiTokens(
  db: Tx,
  options: { includeRevoked?: boolean } = {},
): Promise<ApiTokenView[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at'])
    .$if(options.includeRevoked === false, (q) => q.where('revoked_at', 'is', null))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const views = rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as StaffRole,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
  return [...views.filter((v) => !v.revokedAt), ...views.filter((v) => v.revokedAt)];
}
