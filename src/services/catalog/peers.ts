/**
 * @module The catalog's telemetry peers in the database: read back as catalog document parts
 * (export, diff) and written by applyCatalog. A removed peer takes its windows with it (cascade).
 */
import type { CatalogChange } from '#src/domain/catalog-diff.ts';
import type { PeerSpec } from '#src/domain/catalog-peers.ts';
import type { Tx } from '../context.ts';

export async function loadPeerSpecs(db: Tx): Promise<PeerSpec[]> {
  const rows = await db.selectFrom('telemetry_peers').selectAll().orderBy('position').orderBy('id').execute();
  return rows.map((p) => ({
    id: p.id,
    component: p.component_id,
    name: { de: p.name_de || p.name_en, en: p.name_en || p.name_de },
    match: p.match,
    port: p.port,
  }));
}

/** Deletes peers the document left out, inserts new ones, updates changed or moved ones. */
export async function writePeers(trx: Tx, peers: readonly PeerSpec[], changes: readonly CatalogChange[]) {
  const gone = changes.filter((c) => c.kind === 'peer' && c.op === 'delete').map((c) => c.id);
  if (gone.length > 0) await trx.deleteFrom('telemetry_peers').where('id', 'in', gone).execute();
  const stored = new Map(
    (await trx.selectFrom('telemetry_peers').select(['id', 'position']).execute()).map((p) => [
      p.id,
      p.position,
    ]),
  );
  const changed = new Set(changes.filter((c) => c.kind === 'peer' && c.op === 'update').map((c) => c.id));
  for (const [position, p] of peers.entries()) {
    const row = {
      component_id: p.component,
      name_de: p.name.de,
      name_en: p.name.en,
      match: p.match,
      port: p.port,
      position,
    };
    const before = stored.get(p.id);
    if (before === undefined)
      await trx
        .insertInto('telemetry_peers')
        .values({ id: p.id, ...row })
        .execute();
    else if (changed.has(p.id) || before !== position) {
      await trx.updateTable('telemetry_peers').set(row).where('id', '=', p.id).execute();
    }
  }
}
