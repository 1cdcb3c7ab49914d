/**
 * @module Test data for the public pages' tests (imported by tests only): a small named catalog
 * with a dependency chain and hotlines, and a large one (40 components, 3 open incidents, 90 days
 * of history) for the size budget and the accessibility run. State changes go through the verbs.
 */
import type { Store } from '#src/adapters/store/open-store.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { seedMiniCatalog } from '../../../../test/support/factories.ts';

const names: Record<string, [string, string]> = {
  'media-cottbus': ['Medienserver Cottbus', 'Cottbus media server'],
  'local-numbers': ['Ortsrufnummern', 'Local numbers'],
  fax: ['Fax', 'Fax'],
  'sip-trunk': ['SIP-Trunk', 'SIP trunk'],
};

/** seedMiniCatalog with readable names in both languages and two hotlines. */
export async function seedNamedCatalog(store: Store) {
  await seedMiniCatalog(store);
  for (const [id, [de, en]] of Object.entries(names)) {
    await store.db.updateTable('components').set({ name_de: de, name_en: en }).where('id', '=', id).execute();
  }
  await store.db.deleteFrom('hotlines').execute();
  await store.db
    .insertInto('hotlines')
    .values([
      {
        id: 'de',
        label_de: 'Aus Deutschland',
        label_en: 'From Germany',
        phone: '+49 355 1234-0',
        position: 0,
      },
      {
        id: 'at',
        label_de: 'Aus Österreich',
        label_en: 'From Austria',
        phone: '+43 1 234 56 78',
        position: 1,
      },
    ])
    .execute();
}

const groups = [
  ['voice', 'Telefonie', 'Voice'],
  ['cloud', 'Cloud-Telefonanlagen', 'Cloud PBX'],
  ['access', 'Anschlüsse', 'Access'],
  ['numbers', 'Rufnummern und Fax', 'Numbers and fax'],
  ['portals', 'Portale', 'Portals'],
  ['apps', 'Apps und Push', 'Apps and push'],
] as const;

/**
 * 40 components in 6 groups with dependencies, 30 past outages spread over 90 days, 3 open
 * incidents with three public updates each, one upcoming maintenance window.
 */
export async function seedLargePage(store: Store, ctx: ServiceContext) {
  const now = ctx.clock();
  const created = new Date(now.getTime() - 120 * 24 * 3600_000).toISOString();
  await store.db
    .insertInto('component_groups')
    .values(groups.map(([id, de, en], position) => ({ id, name_de: de, name_en: en, position })))
    .execute();
  const components = Array.from({ length: 40 }, (_, i) => {
    const [group, de, en] = groups[i % groups.length]!;
    return {
      id: `c${String(i).padStart(2, '0')}-${group}`,
      group_id: group,
      site_id: null,
      name_de: `${de} ${i + 1}`,
      name_en: `${en} ${i + 1}`,
      description_de: `Beschreibung der Komponente ${i + 1}`,
      description_en: `Description of component ${i + 1}`,
      position: i,
      created_at: created,
    };
  });
  await store.db.insertInto('components').values(components).execute();
  await store.db
    .insertInto('component_dependencies')
    .values(
      components
        .filter((_, i) => i >= 6 && i % 6 === 0)
        .map((c) => ({ component_id: c.id, depends_on_id: components[0]!.id })),
    )
    .execute();
  await store.db
    .insertInto('status_intervals')
    .values(
      Array.from({ length: 30 }, (_, i) => {
        const start = new Date(now.getTime() - (i * 3 + 1) * 24 * 3600_000);
        return {
          id: `hist-${i}`,
          component_id: components[(i * 7) % 40]!.id,
          status: ['major_outage', 'partial_outage', 'degraded_performance'][i % 3]!,
          started_at: start.toISOString(),
          ended_at: new Date(start.getTime() + (i + 1) * 20 * 60_000).toISOString(),
        };
      }),
    )
    .execute();
  const messages = [
    {
      de: 'Wir untersuchen **Störungen** bei eingehenden Anrufen im Ortsnetz Cottbus (0355).',
      en: 'We are investigating **failures** of incoming calls in the Cottbus area (0355).',
    },
    {
      de: 'Ursache erkannt: ein Festplattendefekt am Medienserver. Ersatz ist unterwegs.',
      en: 'Cause identified: a disk failure on the media server. A replacement is on its way.',
    },
    {
      de: 'Etwa 95 % der Rufnummern sind wieder erreichbar. Faxrufnummern folgen.',
      en: 'About 95 % of numbers are reachable again. Fax numbers will follow.',
    },
  ];
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const { id } = await declareIncident({
      ctx,
      input: {
        title: {
          de: `Störung ${i + 1}: eingehende Anrufe gestört`,
          en: `Incident ${i + 1}: incoming calls failing`,
        },
        components: [
          { componentId: components[i * 6]!.id, status: i === 0 ? 'major_outage' : 'partial_outage' },
          { componentId: components[i * 6 + 1]!.id, status: 'degraded_performance' },
        ],
        message: messages[0]!,
      },
    });
    await postIncidentUpdate({ ctx, input: { incidentId: id, status: 'identified', message: messages[1]! } });
    await postIncidentUpdate({ ctx, input: { incidentId: id, status: 'monitoring', message: messages[2]! } });
    ids.push(id);
  }
  const { id: maintenanceId } = await scheduleMaintenance({
    ctx,
    input: {
      title: { de: 'Wartung am Abrechnungssystem', en: 'Billing system maintenance' },
      message: { de: 'Kurze Unterbrechungen sind möglich.', en: 'Short interruptions may occur.' },
      componentIds: [components[3]!.id, components[4]!.id],
      scheduledStart: new Date(now.getTime() + 2 * 24 * 3600_000).toISOString(),
      scheduledEnd: new Date(now.getTime() + 2 * 24 * 3600_000 + 3600_000).toISOString(),
    },
  });
  return { incidentIds: ids, maintenanceId, componentIds: components.map((c) => c.id) };
}
