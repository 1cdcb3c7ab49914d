/**
 * @module Revokes an API token by id (console, API) or by name (CLI; names are unique among
 * tokens not revoked). Conditional update: of two revocations at once exactly one succeeds and
 * writes the audit row; the other gets `conflict`. A revoked token authenticates nobody.
 */
import { DialtoneError, notFound, validationError } from '#src/domain/errors.ts';
import type { Role, ServiceContext } from './context.ts';
import { writeAudit } from './write-audit.ts';

export type RevokeApiTokenInput = { id: string } | { name: string };

export interface RevokedApiToken {
  id: string;
  name: string;
  role: Role;
  revokedAt: string;
}

export async function revokeApiToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RevokeApiTokenInput;
}): Promise<RevokedApiToken> {
  const byName = 'name' in input;
  const key = byName ? input.name.trim() : input.id;
  if (key === '') throw validationError([{ path: byName ? 'name' : 'id', key: 'error.required' }]);
  const now = ctx.clock().toISOString();

  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where(byName ? 'name' : 'id', '=', key)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name', 'role'])
      .executeTakeFirst();
    if (!updated) {
      const known = await trx
        .selectFrom('api_tokens')
        .select('name')
        .where(byName ? 'name' : 'id', '=', key)
        .executeTakeFirst();
      if (!known) throw notFound('api_token', key);
      throw new DialtoneError('conflict', 'api.error.tokenAlreadyRevoked', { params: { name: known.name } });
    }
    await writeAudit(trx, ctx, {
      action: 'api_token.revoke',
      subjectType: 'api_token',
      subjectId: updated.id,
      detail: { name: updated.name, role: updated.role },
    });
    return { id: updated.id, name: updated.name, role: updated.role as Role, revokedAt: now };
  });
}
