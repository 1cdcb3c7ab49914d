/**
 * @module signIn: a console user signs in with email and password and gets a session (see
 * create-session.ts). Unknown email, wrong password and disabled account give the same answer,
 * and an unknown email still costs one scrypt run, so neither the message nor the timing tells
 * which it was.
 */
import { DialtoneError } from '#src/domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { createSession, type NewSession } from './create-session.ts';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.ts';
import { normalizeEmail, toUserSummary, type UserSummary } from './user-rules.ts';
import { writeAudit } from './write-audit.ts';

export interface SignInResult extends NewSession {
  user: UserSummary;
}

export interface SignInInput {
  email: string;
  password: string;
  /** Session lifetime (config `sessionHours`). */
  sessionHours: number;
  /** The cookie of a session this browser already had: it ends, so one browser holds one session. */
  previousCookie?: string | undefined;
  /** Where the attempt came from, for the audit trail. */
  ip?: string | undefined;
}

let dummyHash: Promise<string> | null = null;
/** A real scrypt hash of nothing anybody knows, verified against when the email is unknown. */
const dummy = () => {
  dummyHash ??= hashPassword(newToken());
  return dummyHash;
};

export const badCredentials = () => new DialtoneError('unauthorized', 'error.badCredentials');

export const userActor = (user: UserSummary): Actor => ({
  type: 'user',
  id: user.id,
  label: user.email,
  role: user.role,
});

export async function signIn({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: SignInInput;
}): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const row = email
    ? await ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
    : undefined;
  const ok = await verifyPassword(input.password, row?.password_hash ?? (await dummy()));
  if (!row) throw badCredentials();
  const user = toUserSummary(row);
  if (!ok || user.disabled) {
    // A failed attempt on a real account is worth a trace (someone guessing, or a forgotten password).
    await writeAudit(ctx.db, ctx, {
      action: 'user.sign_in_failed',
      subjectType: 'user',
      subjectId: user.id,
      detail: { reason: ok ? 'disabled' : 'password', ...(input.ip ? { ip: input.ip } : {}) },
    });
    throw badCredentials();
  }
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (input.previousCookie) {
      await trx.deleteFrom('sessions').where('id_hash', '=', hashToken(input.previousCookie)).execute();
    }
    // Housekeeping: this user's expired sessions are of no use to anybody.
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('expires_at', '<=', now).execute();
    const session = await createSession(trx, ctx, user.id, input.sessionHours);
    await writeAudit(
      trx,
      { ...ctx, actor: userActor(user) },
      {
        action: 'user.sign_in',
        subjectType: 'user',
        subjectId: user.id,
        detail: input.ip ? { ip: input.ip } : {},
      },
    );
    return { ...session, user };
  });
}
