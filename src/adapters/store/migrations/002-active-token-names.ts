/**
 * @module A token name is unique among tokens that are not revoked: a guarantee of the database,
 * not only of the verb (partial unique index; SQLite and PostgreSQL both support it).
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('api_tokens_active_name_idx')
    .on('api_tokens')
    .column('name')
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_tokens_active_name_idx').ifExists().execute();
}
