/**
 * @module Test fixtures for outage reports (used by the report tests only): the mini catalog plus
 * services with the hotline guide's eligibility and identifiers, and a valid form to vary.
 */
import type { Store } from '#src/adapters/store/open-store.ts';
import { seedMiniCatalog } from '../../test/support/factories.ts';

const ident = (key: string, extra: { required?: boolean; oneOf?: string } = {}) => ({
  key,
  label_de: `${key} (de)`,
  label_en: `${key} (en)`,
  hint_de: '',
  hint_en: '',
  required: extra.required ?? extra.oneOf === undefined,
  oneOf: extra.oneOf ?? null,
});

const services = [
  { id: 'cloud', reporters: ['partner'], queue: 'cloud', identifiers: [ident('cloudName')], components: [] },
  {
    id: 'connect',
    reporters: ['partner', 'customer'],
    queue: 'connect',
    identifiers: [ident('serverLicence')],
    components: ['sip-trunk'],
  },
  {
    id: 'dsl',
    reporters: ['partner', 'customer'],
    queue: 'access',
    identifiers: [ident('serverLicence', { oneOf: 'line' }), ident('dslOrderNumber', { oneOf: 'line' })],
    components: [],
  },
  { id: 'fax', reporters: ['partner'], queue: 'voice', identifiers: [], components: ['fax'] },
  { id: 'other', reporters: ['partner', 'customer'], queue: 'hotline', identifiers: [], components: [] },
];

/** Empties reports and seeds the mini catalog with the report services. */
export async function seedReportCatalog(store: Store) {
  const db = store.db;
  await db.deleteFrom('reports').execute();
  await db.deleteFrom('audit_log').execute();
  await db.deleteFrom('component_services').execute();
  await db.deleteFrom('services').execute();
  await seedMiniCatalog(store);
  await db
    .insertInto('services')
    .values(
      services.map((s, position) => ({
        id: s.id,
        name_de: `Dienst ${s.id}`,
        name_en: `Service ${s.id}`,
        description_de: '',
        description_en: '',
        reporters: JSON.stringify(s.reporters),
        identifiers: JSON.stringify(s.identifiers),
        queue: s.queue,
        position,
      })),
    )
    .execute();
  const links = services.flatMap((s) => s.components.map((c) => ({ component_id: c, service_id: s.id })));
  await db.insertInto('component_services').values(links).execute();
}

/** A complete, valid report on `connect` by an end customer. */
export const validReport = () => ({
  company: 'Muster GmbH',
  firstName: 'Erika',
  lastName: 'Muster',
  email: 'erika@muster.example',
  phone: '0355 123456',
  reporterKind: 'customer',
  serviceId: 'connect',
  identifiers: { serverLicence: 'SL-4711' } as Record<string, string>,
  description: 'Seit 9 Uhr keine eingehenden Anrufe.',
  consent: true,
});
