/**
 * @module createSession: opens a console session for a user inside the caller's transaction
 * (sign-in, first setup, accepted partner invitation). The cookie value is a fresh random token,
 * never stored: the session row holds its SHA-256, with its own CSRF token.
 */
import type { ServiceContext, Tx } from './context.ts';
import { hashToken, newToken } from './secrets.ts';

export interface NewSession {
  /** The cookie value: shown to the browser once, stored only hashed. */
  cookie: string;
  csrfToken: string;
  expiresAt: string;
}

/** Opens a session for a user inside the caller's transaction. */
export async function createSession(
  trx: Tx,
  ctx: Pick<ServiceContext, 'clock'>,
  userId: string,
  sessionHours: number,
): Promise<NewSession> {
  const now = ctx.clock();
  const cookie = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000).toISOString();
  await trx
    .insertInto('sessions')
    .values({
      id_hash: hashToken(cookie),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { cookie, csrfToken, expiresAt };
}
