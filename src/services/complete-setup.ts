/**
 * @module Completes first-run setup: with the one-time link printed at start, creates the first
 * admin, deletes every setup token and opens the admin's session, all in one transaction. The link
 * works only while no user exists and it has not expired; afterwards it is worth nothing.
 */
import { DialtoneError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { createSession } from './create-session.ts';
import { hashPassword } from './secrets.ts';
import { setupTokenIsValid } from './setup-token-is-valid.ts';
import { type SignInResult, userActor } from './sign-in.ts';
import { checkNewUser, insertUser, lockUsers } from './user-rules.ts';
import { writeAudit } from './write-audit.ts';

export const invalidSetupLink = () => new DialtoneError('forbidden', 'console.setup.invalidLink');

export interface CompleteSetupInput {
  token: string;
  email: string;
  password: string;
  passwordConfirm: string;
  locale?: string | undefined;
  sessionHours: number;
}

export async function completeSetup({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CompleteSetupInput;
}): Promise<SignInResult> {
  if (!(await setupTokenIsValid(ctx.db, input.token, ctx.clock()))) throw invalidSetupLink();
  const fields = checkNewUser({ ...input, role: 'admin' });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    await lockUsers(trx, ctx);
    // Checked again under the lock: two people using the link at once create one admin.
    if (!(await setupTokenIsValid(trx, input.token, ctx.clock()))) throw invalidSetupLink();
    const user = await insertUser(trx, ctx, { ...fields, passwordHash });
    await trx.deleteFrom('setup_tokens').execute();
    const session = await createSession(trx, ctx, user.id, input.sessionHours);
    await writeAudit(
      trx,
      { ...ctx, actor: userActor(user) },
      {
        action: 'user.setup',
        subjectType: 'user',
        subjectId: user.id,
        detail: { email: user.email, role: user.role },
      },
    );
    return { ...session, user };
  });
}
