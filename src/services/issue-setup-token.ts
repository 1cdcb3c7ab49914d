/**
 * @module While no user exists, issues a one-time link token to create the first admin. The token
 * is shown once (printed at start) and stored hashed; it expires after 24 h and is consumed by use.
 */
import type { ServiceContext } from './context.ts';
import { hashToken, newToken } from './secrets.ts';

/** How long a setup link stays valid (ms). */
export const setupTokenTtlMs = 24 * 3600_000;

export async function issueSetupToken({ ctx }: { ctx: ServiceContext }): Promise<{ token: string } | null> {
  const users = await ctx.db.selectFrom('users').select('id').limit(1).execute();
  if (users.length > 0) return null;
  const token = newToken();
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    // Only the newest link works: a restart prints a fresh one and the old one dies.
    await trx.deleteFrom('setup_tokens').execute();
    await trx
      .insertInto('setup_tokens')
      .values({
        token_hash: hashToken(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + setupTokenTtlMs).toISOString(),
      })
      .execute();
  });
  return { token };
}
