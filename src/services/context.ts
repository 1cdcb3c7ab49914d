/**
 * @module What every verb receives: the database (or the transaction it runs in), the clock, the
 * id generator and who is acting. Verbs are called as `verbNoun({ ctx, input })`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '#src/adapters/store/open-store.ts';
import type { Database } from '#src/adapters/store/schema.ts';
import type { Clock, IdGenerator } from '#src/domain/runtime.ts';

/** Staff roles: what the console's user forms and API tokens may be given. */
export type StaffRole = 'admin' | 'operator';
/**
 * A user's role. `partner` (a reseller or installer) signs in to report outages and follow its
 * own reports; it has no staff right at all and is only ever created by accepting an invitation.
 */
export type Role = StaffRole | 'partner';
export const roles: readonly StaffRole[] = ['admin', 'operator'];
/** True for the staff roles only: a form or token can never be given `partner` this way. */
export const isRole = (v: unknown): v is StaffRole => v === 'admin' || v === 'operator';
export const isStaffRole = isRole;

export type Actor =
  | { type: 'user'; id: string; label: string; role: Role }
  | { type: 'api_token'; id: string; label: string; role: Role }
  | { type: 'system'; id: null; label: string }
  | { type: 'cli'; id: null; label: string };

export interface ServiceContext {
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  newId: IdGenerator;
  actor: Actor;
}

export type Tx = Transaction<Database> | Kysely<Database>;

export const systemActor: Actor = { type: 'system', id: null, label: 'system' };
export const cliActor = (label = 'cli'): Actor => ({ type: 'cli', id: null, label });

/** Author name shown on timeline entries. */
export const authorOf = (actor: Actor): string => actor.label;
