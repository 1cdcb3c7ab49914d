/**
 * @module The provider's inventory, imported from billing/CRM (`dialtone import inventory`):
 * customers, their contacts, contracts with the identifiers a report names (cloud name, server
 * licence, DSL order number) and resources (numbers, trunks, clouds, lines) mapped to components.
 *
 * Service and component ids are deliberately not foreign keys: the catalog is edited on its own
 * schedule, and an inventory row naming a removed component must not block a catalog change.
 * The import checks them against the catalog instead.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** The billing/CRM customer number; the import's key. */
    .addColumn('external_id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    /** `partner` | `customer`. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    /** Lowercase; a contact is known by its customer and email. */
    .addColumn('email', 'text', (c) => c.notNull())
    /** E.164 without spaces, or empty. */
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    /** `de` | `en`: the language of notifications to this contact. */
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('de'))
    .execute();
  await db.schema
    .createIndex('contacts_customer_email_idx')
    .on('contacts')
    .columns(['customer_id', 'email'])
    .unique()
    .execute();
  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('external_id', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    /** JSON object of the identifiers as written in the file: `{"cloudName":"…"}`. */
    .addColumn('identifiers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contracts_customer_idx').on('contracts').column('customer_id').execute();
  // One row per identifier, normalised, so "which contract of service S has identifier K = V"
  // is one lookup on (service_id, key, value).
  await db.schema
    .createTable('contract_identifiers')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_identifiers_pk', ['contract_id', 'key'])
    .execute();
  await db.schema
    .createIndex('contract_identifiers_lookup_idx')
    .on('contract_identifiers')
    .columns(['service_id', 'key', 'value'])
    .execute();
  await db.schema
    .createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    /** `phone_number` | `trunk` | `cloud` | `line`. */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** Normalised: E.164 without spaces for numbers. Unique per kind (a number has one owner). */
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resources_kind_value_idx')
    .on('resources')
    .columns(['kind', 'value'])
    .unique()
    .execute();
  await db.schema.createIndex('resources_contract_idx').on('resources').column('contract_id').execute();
  await db.schema
    .createTable('resource_components')
    .addColumn('resource_id', 'text', (c) => c.notNull().references('resources.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resource_components_pk', ['resource_id', 'component_id'])
    .execute();
  // "Who is affected by component C?" starts here.
  await db.schema
    .createIndex('resource_components_component_idx')
    .on('resource_components')
    .columns(['component_id', 'resource_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'resource_components',
    'resources',
    'contract_identifiers',
    'contracts',
    'contacts',
    'customers',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
