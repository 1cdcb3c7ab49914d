/**
 * @module Creates an API token for an integration: a name (unique among tokens not revoked) and a
 * role. The secret (`dt_…`) is returned once and stored only as its SHA-256; the audit row
 * records name and role, never the secret.
 */
import { sql } from 'kysely';
import { type FieldError, validationError } from '#src/domain/errors.ts';
import { isRole, type ServiceContext, type StaffRole } from './context.ts';
import { hashToken, newToken } from './secrets.ts';
import { writeAudit } from './write-audit.ts';

export const maxTokenNameLength = 64;
/** Letters, digits, space, dot, underscore, hyphen; starts with a letter or digit (CLI-friendly). */
const tokenNamePattern = /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u;
/** Arbitrary constant key for the PostgreSQL advisory lock that serialises token creation. */
const tokenLockKey = 7_410_002;

export interface CreateApiTokenInput {
  name: string;
  role: string;
}

export interface CreatedApiToken {
  id: string;
  name: string;
  role: StaffRole;
  createdAt: string;
  /** The secret itself: shown to the caller once, never stored. */
  token: string;
}

export function checkTokenName(name: string): FieldError[] {
  if (name === '') return [{ path: 'name', key: 'error.required' }];
  if (name.length > maxTokenNameLength)
    return [{ path: 'name', key: 'error.tooLong', params: { max: maxTokenNameLength } }];
  if (!tokenNamePattern.test(name)) return [{ path: 'name', key: 'api.error.tokenNameChars' }];
  return [];
}

export async function createApiToken({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: CreateApiTokenInput;
}): Promise<CreatedApiToken> {
  const name = input.name.trim();
  const errors = checkTokenName(name);
  if (!isRole(input.role))
    errors.push({ path: 'role', key: 'error.invalidValue', params: { value: input.role } });
  if (errors.length > 0) throw validationError(errors);
  const role = input.role as StaffRole;
  const token = newToken('dt_');
  const id = ctx.newId();
  const createdAt = ctx.clock().toISOString();

  await ctx.db.transaction().execute(async (trx) => {
    // There is no unique index on active names (revoked tokens keep theirs): serialise the check
    // and the insert. SQLite already runs one write transaction at a time.
    if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${tokenLockKey})`.execute(trx);
    const taken = await trx
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (taken) throw validationError([{ path: 'name', key: 'api.error.tokenNameTaken', params: { name } }]);
    await trx
      .insertInto('api_tokens')
      .values({
        id,
        name,
        role,
        token_hash: hashToken(token),
        created_at: createdAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'api_token.create',
      subjectType: 'api_token',
      subjectId: id,
      detail: { name, role },
    });
  });
  return { id, name, role, createdAt, token };
}
