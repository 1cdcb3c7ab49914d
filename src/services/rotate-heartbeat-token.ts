/**
 * @module rotateHeartbeatToken: issues a heartbeat monitor's secret URL token; dialtone keeps
 * only its SHA-256, so the token is shown once.
 */

import { DialtoneError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { heartbeatTokenPrefix } from './heartbeat-token.ts';
import { hashToken, newToken } from './secrets.ts';
import { writeAudit } from './write-audit.ts';

/**
 * Issues a new secret URL token for a heartbeat monitor (the old one stops working at once) and
 * returns it: it is shown once and never stored. Audited.
 */
export async function rotateHeartbeatToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { monitorId: string };
}): Promise<{ token: string }> {
  const token = newToken(heartbeatTokenPrefix);
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('monitors')
      .set({ heartbeat_token_hash: hashToken(token) })
      .where('id', '=', input.monitorId)
      .where('kind', '=', 'heartbeat')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new DialtoneError('not_found', 'monitors.error.notHeartbeat');
    await writeAudit(trx, ctx, {
      action: 'monitor.heartbeat_token_rotated',
      subjectType: 'monitor',
      subjectId: input.monitorId,
    });
  });
  return { token };
}
