/**
 * @module Exports the catalog as it is in the database: as a catalog document (what apply compares
 * against) and as YAML text that `dialtone catalog apply` takes back unchanged.
 *
 * @example
 * await writeFile('catalog.yaml', await exportCatalog(db));
 */
import { stringifyCatalog } from '#src/config/catalog-file.ts';
import {
  type Bilingual,
  type CatalogDocument,
  type IdentifierSpec,
  type Reporter,
  reporterKinds,
} from '#src/domain/catalog.ts';
import { defaultAlerting } from '#src/domain/catalog-monitors.ts';
import type { Tx } from './context.ts';
import { type Catalog, loadCatalog } from './load-catalog.ts';

export async function exportCatalog(db: Tx): Promise<string> {
  return stringifyCatalog(catalogDocument(await loadCatalog(db)));
}

/** The catalog as a document, lists in display order. */
export function catalogDocument(c: Catalog): CatalogDocument {
  return {
    sites: c.sites.map((s) => ({ id: s.id, name: filled(s.name) })),
    groups: c.groups.map((g) => ({ id: g.id, name: filled(g.name) })),
    services: c.services.map((s) => ({
      id: s.id,
      name: filled(s.name),
      description: s.description,
      reporters: reporterKinds.filter((k: Reporter) => s.reporters.includes(k)),
      identifiers: s.identifiers.flatMap(identifierFromRow),
      queue: s.queue,
    })),
    components: c.components.map((x) => ({
      id: x.id,
      name: filled(x.name),
      description: x.description,
      group: x.groupId,
      site: x.siteId,
      services: [...x.services].sort(),
      dependsOn: [...x.dependsOn].sort(),
      alerting: x.alerting ?? defaultAlerting,
    })),
    hotlines: c.hotlines.map((h) => ({ id: h.id, label: filled(h.label), phone: h.phone })),
    monitors: c.monitors,
    peers: c.peers ?? [],
    detectors: c.detectors ?? [],
  };
}

/**
 * Names and labels are required in both languages in the file; a row written by other means with
 * one language empty is exported with the other language in its place, as readers see it anyway.
 */
const filled = (b: Bilingual): Bilingual => ({ de: b.de || b.en, en: b.en || b.de });

/** How an identifier is kept in `services.identifiers` (JSON), read by the report form. */
export interface StoredIdentifier {
  key: string;
  label_de: string;
  label_en: string;
  hint_de: string;
  hint_en: string;
  required: boolean;
  oneOf: string | null;
}

export function identifierToRow(i: IdentifierSpec): StoredIdentifier {
  return {
    key: i.key,
    label_de: i.label.de,
    label_en: i.label.en,
    hint_de: i.hint?.de ?? '',
    hint_en: i.hint?.en ?? '',
    required: i.required,
    oneOf: i.oneOf,
  };
}

/** Tolerant of rows written by hand: whatever is missing reads as empty, never as a crash. */
function identifierFromRow(raw: unknown): IdentifierSpec[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const r = raw as Partial<Record<keyof StoredIdentifier, unknown>>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (!str(r.key)) return [];
  const hint: Bilingual = { de: str(r.hint_de), en: str(r.hint_en) };
  const oneOf = str(r.oneOf) || null;
  return [
    {
      key: str(r.key),
      label: filled({ de: str(r.label_de), en: str(r.label_en) }),
      hint: hint.de || hint.en ? hint : null,
      required: typeof r.required === 'boolean' ? r.required : oneOf === null,
      oneOf,
    },
  ];
}
