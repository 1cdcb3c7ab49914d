/**
 * @module Signs out: the session behind a cookie ends (its row is deleted, so the cookie is worth
 * nothing even if it was copied). Signing out twice, or with a stale cookie, is harmless.
 */
import type { ServiceContext } from './context.ts';
import { hashToken } from './secrets.ts';
import { writeAudit } from './write-audit.ts';

export async function signOut({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { cookie: string };
}): Promise<{ ended: boolean }> {
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await trx
      .deleteFrom('sessions')
      .where('id_hash', '=', hashToken(input.cookie))
      .returning('user_id')
      .executeTakeFirst();
    if (!ended) return { ended: false };
    await writeAudit(trx, ctx, { action: 'user.sign_out', subjectType: 'user', subjectId: ended.user_id });
    return { ended: true };
  });
}
