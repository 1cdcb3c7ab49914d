/**
 * @module What every verb receives: the database (or the transaction it runs in), the clock, the
 * id generator and who is acting. Verbs are called as `verbNoun({ ctx, input })`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Dialect } from '#src/adapters/store/open-store.ts';
import type { Database } from '#src/adapters/store/schema.ts';
import type { Clock, IdGenerator } from '#src/domain/runtime.ts';

export type Role = 'admin' | 'operator';
export const roles: readonly Role[] = ['admin', 'operator'];
export const isRole = (v: unknown): v is Role => v === 'admin' || v === 'operator';

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
