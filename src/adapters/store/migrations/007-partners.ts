/**
 * @module Partners: invitations to the partner role, the partner's profile (name, company, phone:
 * what the report form is prefilled with), and the clouds an incident names (a report on a cloud
 * links only to incidents that name its cloud or none). Reports already carry `partner_user_id`
 * (003); it gets an index here for the partner's own list.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partner_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** SHA-256 of the one-time token in the link; the token itself is never stored. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull())
    /** `de` | `en`: the account's language. */
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    /** Set once: accepted (with the user created) or revoked; either ends the link. */
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('partner_invitations_email_idx')
    .on('partner_invitations')
    .column('email')
    .execute();
  await db.schema
    .createTable('partner_profiles')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('company', 'text', (c) => c.notNull())
    /** E.164 or empty: asked on the report form when empty. */
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('incident_clouds')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    /** Normalised host name, as reports carry it: `maxmuster.example-cloud.com`. */
    .addColumn('cloud_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_clouds_pk', ['incident_id', 'cloud_name'])
    .execute();
  await db.schema
    .createIndex('reports_partner_idx')
    .on('reports')
    .columns(['partner_user_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reports_partner_idx').ifExists().execute();
  await db.schema.dropTable('incident_clouds').ifExists().execute();
  await db.schema.dropTable('partner_profiles').ifExists().execute();
  await db.schema.dropTable('partner_invitations').ifExists().execute();
}
