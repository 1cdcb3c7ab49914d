/**
 * @module Brings the catalog to a document's state in one transaction: creates, updates and deletes
 * sites, groups, services, components (with their services and dependencies) and hotlines, then
 * re-derives component status and writes one audit row `catalog.apply` listing the changes.
 * Removing a component that an open incident or unfinished maintenance refers to is refused.
 *
 * @example
 * const { changes } = await applyCatalog({ ctx, input: { document, dryRun: true } });
 * changes.map(formatChange) // ['+ component media-cottbus', '~ component sip-trunk: name_en']
 */
import { sql } from 'kysely';
import type { CatalogDocument } from '#src/domain/catalog.ts';
import { type CatalogChange, diffCatalog, formatChange } from '#src/domain/catalog-diff.ts';
import { type FieldError, validationError } from '#src/domain/errors.ts';
import { writeDetectors } from './catalog/detectors.ts';
import { writeMonitors } from './catalog/monitors.ts';
import { writePeers } from './catalog/peers.ts';
import type { ServiceContext, Tx } from './context.ts';
import { catalogDocument, identifierToRow } from './export-catalog.ts';
import { type Catalog, loadCatalog } from './load-catalog.ts';
import { refreshComponentStatus } from './refresh-component-status.ts';
import { writeAudit } from './write-audit.ts';

export interface ApplyCatalogInput {
  document: CatalogDocument;
  /** Only compute (and check) the changes; write nothing. */
  dryRun?: boolean;
}

export interface ApplyCatalogResult {
  changes: CatalogChange[];
  /** False for a dry run and when there was nothing to change. */
  applied: boolean;
}

/** Arbitrary constant key for the PostgreSQL advisory lock that serialises catalog applies. */
const catalogLockKey = 7_410_002;

export async function applyCatalog({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ApplyCatalogInput;
}): Promise<ApplyCatalogResult> {
  if (input.dryRun) {
    const { changes } = await plan(ctx.db, input.document);
    return { changes, applied: false };
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${catalogLockKey})`.execute(trx);
    const { catalog, changes } = await plan(trx, input.document);
    // Nothing to do: write nothing, not even an audit row, so caches keyed on changes stay valid.
    if (changes.length === 0) return { changes, applied: false };
    await writeCatalog(trx, ctx, catalog, input.document, changes);
    await refreshComponentStatus(trx, ctx);
    await writeAudit(trx, ctx, {
      action: 'catalog.apply',
      subjectType: 'catalog',
      subjectId: null,
      detail: { changes: changes.map(formatChange) },
    });
    return { changes, applied: true };
  });
}

async function plan(db: Tx, document: CatalogDocument) {
  const catalog = await loadCatalog(db);
  const changes = diffCatalog(catalogDocument(catalog), document);
  const removed = changes.filter((c) => c.op === 'delete' && c.kind === 'component').map((c) => c.id);
  const errors = await blockedRemovals(db, removed);
  if (errors.length > 0) throw validationError(errors);
  return { catalog, changes };
}

/** Components that open incidents or maintenance not yet finished still refer to. */
async function blockedRemovals(db: Tx, componentIds: string[]): Promise<FieldError[]> {
  if (componentIds.length === 0) return [];
  const [incidents, maintenances] = await Promise.all([
    db
      .selectFrom('incident_components as ic')
      .innerJoin('incidents as i', 'i.id', 'ic.incident_id')
      .where('i.status', '!=', 'resolved')
      .where('ic.component_id', 'in', componentIds)
      .select(['ic.component_id as id', 'i.title_de', 'i.title_en'])
      .orderBy('ic.component_id')
      .execute(),
    db
      .selectFrom('maintenance_components as mc')
      .innerJoin('maintenances as m', 'm.id', 'mc.maintenance_id')
      .where('m.status', 'not in', ['completed', 'cancelled'])
      .where('mc.component_id', 'in', componentIds)
      .select(['mc.component_id as id', 'm.title_de', 'm.title_en'])
      .orderBy('mc.component_id')
      .execute(),
  ]);
  const error = (key: string) => (r: { id: string; title_de: string; title_en: string }) => ({
    path: 'components',
    key,
    params: { id: r.id, titleDe: r.title_de, titleEn: r.title_en },
  });
  return [
    ...incidents.map(error('catalog.error.componentInIncident')),
    ...maintenances.map(error('catalog.error.componentInMaintenance')),
  ];
}

/**
 * Writes in an order the foreign keys accept: sites, groups and services first; then removed
 * components go (their links, history and resolved-incident rows cascade); then components are
 * written, then their links (every dependency target exists by then); last the removed sites,
 * groups and services, which no remaining component names any more.
 */
async function writeCatalog(
  trx: Tx,
  ctx: ServiceContext,
  catalog: Catalog,
  doc: CatalogDocument,
  changes: CatalogChange[],
) {
  const removed = (kind: CatalogChange['kind']) =>
    changes.filter((c) => c.op === 'delete' && c.kind === kind).map((c) => c.id);
  const stored = (list: readonly { id: string; position: number }[]) =>
    new Map(list.map((x) => [x.id, x.position]));
  const byItem = new Map(changes.filter((c) => c.op !== 'delete').map((c) => [`${c.kind}:${c.id}`, c]));
  const fieldsOf = (kind: CatalogChange['kind'], id: string) => byItem.get(`${kind}:${id}`);

  const sites = stored(catalog.sites);
  for (const [position, s] of doc.sites.entries()) {
    const row = { name_de: s.name.de, name_en: s.name.en, position };
    await upsert(trx, 'sites', s.id, row, sites.get(s.id), fieldsOf('site', s.id));
  }
  const groups = stored(catalog.groups);
  for (const [position, g] of doc.groups.entries()) {
    const row = { name_de: g.name.de, name_en: g.name.en, position };
    await upsert(trx, 'component_groups', g.id, row, groups.get(g.id), fieldsOf('group', g.id));
  }
  const services = stored(catalog.services);
  for (const [position, s] of doc.services.entries()) {
    const row = {
      name_de: s.name.de,
      name_en: s.name.en,
      description_de: s.description.de,
      description_en: s.description.en,
      reporters: JSON.stringify(s.reporters),
      identifiers: JSON.stringify(s.identifiers.map(identifierToRow)),
      queue: s.queue,
      position,
    };
    await upsert(trx, 'services', s.id, row, services.get(s.id), fieldsOf('service', s.id));
  }

  const goneComponents = removed('component');
  if (goneComponents.length > 0)
    await trx.deleteFrom('components').where('id', 'in', goneComponents).execute();
  const components = stored(catalog.components);
  const now = ctx.clock().toISOString();
  for (const [position, c] of doc.components.entries()) {
    const row = {
      group_id: c.group,
      site_id: c.site,
      name_de: c.name.de,
      name_en: c.name.en,
      description_de: c.description.de,
      description_en: c.description.en,
      alert_policy: c.alerting.policy,
      resolve_policy: c.alerting.resolve,
      position,
    };
    const change = fieldsOf('component', c.id);
    await upsert(trx, 'components', c.id, row, components.get(c.id), change, { created_at: now });
  }
  for (const c of doc.components) await writeLinks(trx, c, fieldsOf('component', c.id));
  await writeMonitors(trx, ctx, doc.monitors, changes);
  await writePeers(trx, doc.peers, changes);
  await writeDetectors(trx, doc.detectors, changes);

  const gone = { services: removed('service'), component_groups: removed('group'), sites: removed('site') };
  for (const [table, ids] of Object.entries(gone) as [keyof typeof gone, string[]][]) {
    if (ids.length > 0) await trx.deleteFrom(table).where('id', 'in', ids).execute();
  }

  const hotlines = stored(catalog.hotlines);
  for (const [position, h] of doc.hotlines.entries()) {
    const row = { label_de: h.label.de, label_en: h.label.en, phone: h.phone, position };
    await upsert(trx, 'hotlines', h.id, row, hotlines.get(h.id), fieldsOf('hotline', h.id));
  }
  const goneHotlines = removed('hotline');
  if (goneHotlines.length > 0) await trx.deleteFrom('hotlines').where('id', 'in', goneHotlines).execute();
}

type CatalogTable = 'sites' | 'component_groups' | 'services' | 'components' | 'hotlines';

/**
 * Inserts a new row, or updates one that changed or only moved (a renumbered position is written
 * without being reported: the order readers see is the same).
 */
async function upsert(
  trx: Tx,
  table: CatalogTable,
  id: string,
  row: Record<string, string | number | null> & { position: number },
  storedPosition: number | undefined,
  change: CatalogChange | undefined,
  onInsertOnly: Record<string, string> = {},
) {
  // Rows are typed per table by the callers' literals; the shared helper only moves them along.
  if (storedPosition === undefined) {
    await trx
      .insertInto(table)
      .values({ id, ...row, ...onInsertOnly } as never)
      .execute();
  } else if (change || storedPosition !== row.position) {
    await trx
      .updateTable(table)
      .set(row as never)
      .where('id', '=', id)
      .execute();
  }
}

/** Rewrites a component's services and dependencies when they are new or changed. */
async function writeLinks(
  trx: Tx,
  c: CatalogDocument['components'][number],
  change: CatalogChange | undefined,
) {
  const all = change?.op === 'create';
  if (all || change?.fields.includes('services')) {
    await trx.deleteFrom('component_services').where('component_id', '=', c.id).execute();
    if (c.services.length > 0) {
      await trx
        .insertInto('component_services')
        .values(c.services.map((s) => ({ component_id: c.id, service_id: s })))
        .execute();
    }
  }
  if (all || change?.fields.includes('dependsOn')) {
    await trx.deleteFrom('component_dependencies').where('component_id', '=', c.id).execute();
    if (c.dependsOn.length > 0) {
      await trx
        .insertInto('component_dependencies')
        .values(c.dependsOn.map((d) => ({ component_id: c.id, depends_on_id: d })))
        .execute();
    }
  }
}
