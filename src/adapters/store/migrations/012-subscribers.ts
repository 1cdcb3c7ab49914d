/**
 * @module Subscribers (email, SMS, webhook; per component or whole page) and operator channels.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(_db: Kysely<any>): Promise<void> {
  // filled by the workstream that owns these tables
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(_db: Kysely<any>): Promise<void> {}
