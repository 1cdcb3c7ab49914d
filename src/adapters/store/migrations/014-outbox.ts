/**
 * @module The notification outbox (one row per message) and its delivery attempts.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(_db: Kysely<any>): Promise<void> {
  // filled by the workstream that owns these tables
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(_db: Kysely<any>): Promise<void> {}
