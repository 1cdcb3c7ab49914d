/**
 * @module The rules every user verb shares: how an email is normalised and checked, how long a
 * password must be, who may manage users, the lock that serialises changes to the set of admins,
 * and the insert that createUser, completeSetup and acceptPartnerInvitation each run in their own
 * transaction.
 */
import { sql } from 'kysely';
import type { UserRow } from '#src/adapters/store/schema.ts';
import { DialtoneError, type FieldError, forbidden, validationError } from '#src/domain/errors.ts';
import { type Actor, isRole, type Role, type ServiceContext, type Tx } from './context.ts';
import { minPasswordLength } from './secrets.ts';

export const maxEmailLength = 254;
/** scrypt does not care, but a megabyte "password" is an attack, not a passphrase. */
export const maxPasswordLength = 1000;
export type UserLocale = 'de' | 'en';
export const isUserLocale = (v: unknown): v is UserLocale => v === 'de' || v === 'en';

/** A user as pages, the CLI and the API see it: never the password hash. */
export interface UserSummary {
  id: string;
  email: string;
  role: Role;
  locale: UserLocale;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

export const toUserSummary = (row: UserRow): UserSummary => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  locale: isUserLocale(row.locale) ? row.locale : 'de',
  disabled: row.disabled !== 0,
  createdAt: row.created_at,
  passwordChangedAt: row.password_changed_at,
});

/** Emails compare case-insensitively: `Ops@Example.net` and `ops@example.net` are one person. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(email: string, path = 'email'): FieldError[] {
  if (email === '') return [{ path, key: 'error.required' }];
  if (email.length > maxEmailLength) return [{ path, key: 'error.tooLong', params: { max: maxEmailLength } }];
  return emailPattern.test(email) ? [] : [{ path, key: 'error.invalidEmail' }];
}

/** Length rules for a new password, and that its confirmation (when the form has one) matches. */
export function checkNewPassword(
  password: string,
  confirmation: string | undefined,
  paths: { password: string; confirmation: string } = {
    password: 'password',
    confirmation: 'passwordConfirm',
  },
): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < minPasswordLength) {
    errors.push({ path: paths.password, key: 'error.passwordTooShort', params: { min: minPasswordLength } });
  } else if (password.length > maxPasswordLength) {
    errors.push({ path: paths.password, key: 'error.tooLong', params: { max: maxPasswordLength } });
  }
  if (confirmation !== undefined && confirmation !== password) {
    errors.push({ path: paths.confirmation, key: 'error.passwordMismatch' });
  }
  return errors;
}

/** Admins (people or tokens) and the operator at the command line may manage users. */
export const mayManageUsers = (actor: Actor): boolean =>
  actor.type === 'cli' || actor.type === 'system' || actor.role === 'admin';

export function assertMayManageUsers(ctx: ServiceContext): void {
  if (!mayManageUsers(ctx.actor)) throw forbidden();
}

/** Arbitrary constant key for the PostgreSQL advisory lock that serialises user changes. */
const usersLockKey = 7_410_002;

/**
 * Serialises changes to users within a transaction, so two admins demoting each other at the same
 * moment cannot both pass the "another active admin remains" check. SQLite runs one write
 * transaction at a time already.
 */
export async function lockUsers(trx: Tx, ctx: Pick<ServiceContext, 'dialect'>): Promise<void> {
  if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${usersLockKey})`.execute(trx);
}

/** Active admins other than `exceptId`: the last one may not be disabled or demoted. */
export async function otherActiveAdmins(trx: Tx, exceptId: string): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const lastAdminError = () => new DialtoneError('conflict', 'console.users.lastAdmin');

export interface CreateUserInput {
  email: string;
  role: string;
  password: string;
  /** Present when the form asks twice. */
  passwordConfirm?: string | undefined;
  locale?: string | undefined;
}

/** Validates a new user's fields; returns them normalised or throws with every field's problem. */
export function checkNewUser(input: CreateUserInput): { email: string; role: Role; locale: UserLocale } {
  const email = normalizeEmail(input.email);
  const errors = [...checkEmail(email), ...checkNewPassword(input.password, input.passwordConfirm)];
  if (!isRole(input.role))
    errors.push({ path: 'role', key: 'error.invalidValue', params: { value: input.role } });
  const locale = input.locale ?? 'de';
  if (!isUserLocale(locale))
    errors.push({ path: 'locale', key: 'error.invalidValue', params: { value: locale } });
  if (errors.length > 0) throw validationError(errors);
  return { email, role: input.role as Role, locale: locale as UserLocale };
}

/** Inserts the user inside the caller's (locked) transaction; a taken email is a field error. */
export async function insertUser(
  trx: Tx,
  ctx: ServiceContext,
  user: { email: string; role: Role; locale: UserLocale; passwordHash: string },
): Promise<UserSummary> {
  const taken = await trx.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
  if (taken) throw validationError([{ path: 'email', key: 'error.emailTaken' }]);
  const now = ctx.clock().toISOString();
  const row: UserRow = {
    id: ctx.newId(),
    email: user.email,
    role: user.role,
    password_hash: user.passwordHash,
    locale: user.locale,
    created_at: now,
    password_changed_at: now,
    disabled: 0,
  };
  await trx.insertInto('users').values(row).execute();
  return toUserSummary(row);
}
