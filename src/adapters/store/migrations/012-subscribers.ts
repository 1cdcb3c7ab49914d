/**
 * @module Subscribers (email, SMS, webhook; per component or whole page), the components they
 * chose, the key their unsubscribe links are derived from, and operator channels (Slack, Teams,
 * Matrix, Telegram, generic webhook) with the events each receives.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** `email` | `sms` | `webhook`. */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** Normalised: lower-case email, E.164 number, or URL. */
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
    /** `all` | `components` (then see subscriber_components). */
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('all'))
    /** `pending` | `confirmed` | `unsubscribed`. */
    .addColumn('state', 'text', (c) => c.notNull())
    /** SHA-256 of the email confirmation token, or HMAC of the SMS code; null once confirmed. */
    .addColumn('confirm_hash', 'text')
    .addColumn('confirm_expires_at', 'text')
    /** Wrong SMS codes entered since the last code was sent (the code dies after 5). */
    .addColumn('confirm_failures', 'integer', (c) => c.notNull().defaultTo(0))
    /**
     * Webhook signing secret (`whsec_…`). Kept as is, not hashed: every delivery is signed with it.
     * Shown to the subscriber once.
     */
    .addColumn('secret', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addUniqueConstraint('subscribers_kind_address_key', ['kind', 'address'])
    .execute();
  await db.schema.createIndex('subscribers_state_idx').on('subscribers').columns(['state', 'kind']).execute();
  await db.schema.createIndex('subscribers_confirm_idx').on('subscribers').column('confirm_hash').execute();
  await db.schema
    .createTable('subscriber_components')
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('subscriber_components_pk', ['subscriber_id', 'component_id'])
    .execute();
  await db.schema
    .createIndex('subscriber_components_component_idx')
    .on('subscriber_components')
    .column('component_id')
    .execute();
  await db.schema
    .createTable('subscription_keys')
    /** `links`: the HMAC key of unsubscribe/manage links and SMS codes. */
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** 32 random bytes, base64url. */
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('operator_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** `slack` | `teams` | `matrix` | `telegram` | `webhook`. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** Webhook URL, Matrix homeserver, or Telegram API base. */
    .addColumn('url', 'text', (c) => c.notNull())
    /** JSON object: room id, chat id, access token, bot token, signing secret … (never shown back). */
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    /** JSON array of event names this channel receives. */
    .addColumn('events', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('de'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('operator_channels').ifExists().execute();
  await db.schema.dropTable('subscription_keys').ifExists().execute();
  await db.schema.dropTable('subscriber_components').ifExists().execute();
  await db.schema.dropTable('subscribers').ifExists().execute();
}
