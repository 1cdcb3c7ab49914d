/**
 * @module The large status page: 40 components in 6 groups at 2 sites with dependencies, three
 * hotlines, 30 past outages over 90 days, 3 open incidents with three public updates each and one
 * upcoming maintenance window. The size-budget and accessibility tests and the status page
 * benchmark all use this one page. State changes go through the verbs.
 */
import type { Store } from '#src/adapters/store/open-store.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';

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
    .insertInto('sites')
    .values([
      { id: 'fra', name_de: 'Rechenzentrum Frankfurt', name_en: 'Frankfurt data centre', position: 0 },
      { id: 'cottbus', name_de: 'Standort Cottbus', name_en: 'Cottbus site', position: 1 },
    ])
    .execute();
  await store.db
    .insertInto('hotlines')
    .values([
      {
        id: 'de',
        label_de: 'Aus Deutschland',
        label_en: 'From Germany',
        phone: '+49 30 1234567 0',
        position: 0,
      },
      { id: 'at', label_de: 'Aus Österreich', label_en: 'From Austria', phone: '+43 1 2345678', position: 1 },
      {
        id: 'ch',
        label_de: 'Aus der Schweiz',
        label_en: 'From Switzerland',
        phone: '+41 44 1234567',
        position: 2,
      },
    ])
    .execute();
  await store.db
    .insertInto('component_groups')
    .values(groups.map(([id, de, en], position) => ({ id, name_de: de, name_en: en, position })))
    .execute();
  const components = Array.from({ length: 40 }, (_, i) => {
    const [group, de, en] = groups[i % groups.length]!;
    return {
      id: `c${String(i).padStart(2, '0')}-${group}`,
      group_id: group,
      site_id: i % 3 === 0 ? 'cottbus' : 'fra',
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
