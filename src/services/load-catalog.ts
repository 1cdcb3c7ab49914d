/**
 * @module Reads the catalog (sites, services, groups, components with their services and
 * dependencies, hotlines) in display order.
 */

import type { DetectorSpec } from '#src/domain/catalog-detectors.ts';
import type { AlertingSpec, MonitorSpec } from '#src/domain/catalog-monitors.ts';
import type { PeerSpec } from '#src/domain/catalog-peers.ts';
import { loadDetectorSpecs } from './catalog/detectors.ts';
import { alertingOf, loadMonitorSpecs } from './catalog/monitors.ts';
import { loadPeerSpecs } from './catalog/peers.ts';
import type { Tx } from './context.ts';

export interface CatalogComponent {
  id: string;
  groupId: string | null;
  siteId: string | null;
  name: { de: string; en: string };
  description: { de: string; en: string };
  position: number;
  createdAt: string;
  services: string[];
  dependsOn: string[];
  /** Absent on rows built by hand (tests): the defaults. */
  alerting?: AlertingSpec;
}

export interface Catalog {
  sites: { id: string; name: { de: string; en: string }; position: number }[];
  services: {
    id: string;
    name: { de: string; en: string };
    description: { de: string; en: string };
    reporters: string[];
    identifiers: unknown[];
    queue: string;
    position: number;
  }[];
  groups: { id: string; name: { de: string; en: string }; position: number }[];
  components: CatalogComponent[];
  hotlines: { id: string; label: { de: string; en: string }; phone: string; position: number }[];
  monitors: MonitorSpec[];
  /** Telemetry peers; absent on catalogs built by hand (tests). */
  peers?: PeerSpec[];
  /** Detector rules; absent on catalogs built by hand (tests). */
  detectors?: DetectorSpec[];
}

export async function loadCatalog(db: Tx): Promise<Catalog> {
  const [sites, services, groups, components, links, deps, hotlines, monitors, peers, detectors] =
    await Promise.all([
      db.selectFrom('sites').selectAll().orderBy('position').orderBy('id').execute(),
      db.selectFrom('services').selectAll().orderBy('position').orderBy('id').execute(),
      db.selectFrom('component_groups').selectAll().orderBy('position').orderBy('id').execute(),
      db.selectFrom('components').selectAll().orderBy('position').orderBy('id').execute(),
      db.selectFrom('component_services').selectAll().orderBy('service_id').execute(),
      db.selectFrom('component_dependencies').selectAll().orderBy('depends_on_id').execute(),
      db.selectFrom('hotlines').selectAll().orderBy('position').orderBy('id').execute(),
      loadMonitorSpecs(db),
      loadPeerSpecs(db),
      loadDetectorSpecs(db),
    ]);
  return {
    sites: sites.map((s) => ({ id: s.id, name: { de: s.name_de, en: s.name_en }, position: s.position })),
    services: services.map((s) => ({
      id: s.id,
      name: { de: s.name_de, en: s.name_en },
      description: { de: s.description_de, en: s.description_en },
      reporters: JSON.parse(s.reporters) as string[],
      identifiers: JSON.parse(s.identifiers) as unknown[],
      queue: s.queue,
      position: s.position,
    })),
    groups: groups.map((g) => ({ id: g.id, name: { de: g.name_de, en: g.name_en }, position: g.position })),
    components: components.map((c) => ({
      id: c.id,
      groupId: c.group_id,
      siteId: c.site_id,
      name: { de: c.name_de, en: c.name_en },
      description: { de: c.description_de, en: c.description_en },
      position: c.position,
      createdAt: c.created_at,
      services: links.filter((l) => l.component_id === c.id).map((l) => l.service_id),
      dependsOn: deps.filter((d) => d.component_id === c.id).map((d) => d.depends_on_id),
      alerting: alertingOf(c),
    })),
    hotlines: hotlines.map((h) => ({
      id: h.id,
      label: { de: h.label_de, en: h.label_en },
      phone: h.phone,
      position: h.position,
    })),
    monitors,
    peers,
    detectors,
  };
}
