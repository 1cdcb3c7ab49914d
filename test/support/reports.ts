/**
 * @module Factories for the report inbox tests: a mini catalog with two services (trunk routed
 * to the connect team, cloud to the hotline) and reports inserted directly, as the public form
 * would have filed them.
 */
import type { Store } from '#src/adapters/store/open-store.ts';
import type { ReportTable } from '#src/adapters/store/schema.ts';
import { seedMiniCatalog } from './factories.ts';

/** The mini catalog plus services `connect` (sip-trunk, queue connect) and `cloud` (media, fax). */
export async function seedReportCatalog(store: Store) {
  const db = store.db;
  await db.deleteFrom('report_alert_reports').execute();
  await db.deleteFrom('report_alerts').execute();
  await db.deleteFrom('report_comments').execute();
  await db.deleteFrom('reports').execute();
  await db.deleteFrom('component_services').execute();
  await db.deleteFrom('services').execute();
  await seedMiniCatalog(store);
  const service = (id: string, queue: string, position: number) => ({
    id,
    name_de: `Dienst ${id}`,
    name_en: `Service ${id}`,
    description_de: '',
    description_en: '',
    reporters: '["partner","customer"]',
    identifiers: '[]',
    queue,
    position,
  });
  await db
    .insertInto('services')
    .values([service('connect', 'connect', 0), service('cloud', 'hotline', 1)])
    .execute();
  await db
    .insertInto('component_services')
    .values([
      { component_id: 'sip-trunk', service_id: 'connect' },
      { component_id: 'media-cottbus', service_id: 'cloud' },
      { component_id: 'fax', service_id: 'cloud' },
    ])
    .execute();
}

let counter = 0;

/** Inserts one report; by default a new trunk report from an end customer. Returns its id. */
export async function insertReport(store: Store, overrides: Partial<ReportTable> = {}): Promise<string> {
  const n = ++counter;
  const id = overrides.id ?? `rep-${String(n).padStart(5, '0')}`;
  const createdAt = overrides.created_at ?? '2026-11-20T09:00:00.000Z';
  const serviceId = overrides.service_id ?? 'connect';
  await store.db
    .insertInto('reports')
    .values({
      id,
      ticket: `ST-2026-${String(n).padStart(6, '0')}`,
      follow_token_hash: `hash-${n}`,
      service_id: serviceId,
      service_other: '',
      reporter_kind: 'customer',
      partner_user_id: null,
      company: 'Muster GmbH',
      first_name: 'Erika',
      last_name: 'Muster',
      email: 'erika@example.net',
      phone: '+4930123456',
      identifiers: '{"dslOrder":"DSL-123"}',
      description: 'Keine eingehenden Anrufe seit 9 Uhr.',
      triage_path: '[{"node":"calls","answer":"none_in"},{"node":"restart","answer":"no_change"}]',
      queue: serviceId === 'connect' ? 'connect' : 'hotline',
      state: 'new',
      close_reason: null,
      incident_id: null,
      assignee_id: null,
      locale: 'de',
      submission_key: null,
      consent_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: null,
      erased_at: null,
      version: 1,
      ...overrides,
    })
    .execute();
  return id;
}

/** A staff account to assign reports to. */
export async function insertStaff(store: Store, id: string, disabled = false) {
  await store.db
    .insertInto('users')
    .values({
      id,
      email: `${id}@example.net`,
      role: 'operator',
      password_hash: 'scrypt$invalid',
      locale: 'de',
      created_at: '2026-01-01T00:00:00.000Z',
      password_changed_at: '2026-01-01T00:00:00.000Z',
      disabled: disabled ? 1 : 0,
    })
    .execute();
}
