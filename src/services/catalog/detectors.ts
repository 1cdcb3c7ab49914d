/**
 * @module The catalog's detector rules in the database (`detector_rules`): read back as catalog
 * document parts (export, diff) and written by applyCatalog.
 */
import type { DetectorSpec } from '#src/domain/catalog-detectors.ts';
import type { CatalogChange } from '#src/domain/catalog-diff.ts';
import { isRuleKind, readRuleParams } from '#src/domain/detectors/rules.ts';
import type { Tx } from '../context.ts';

export async function loadDetectorSpecs(db: Tx): Promise<DetectorSpec[]> {
  const rows = await db.selectFrom('detector_rules').selectAll().orderBy('position').orderBy('id').execute();
  return rows.flatMap((r) => {
    if (!isRuleKind(r.kind)) return [];
    let raw: unknown = {};
    try {
      raw = JSON.parse(r.params);
    } catch {
      // unreadable params export as the kind's defaults: visible in the diff of the next apply
    }
    const { params } = readRuleParams(r.kind, raw, 'params');
    return [
      {
        id: r.id,
        component: r.component_id,
        peer: r.peer_id,
        kind: r.kind,
        params,
        enabled: r.enabled === 1,
      },
    ];
  });
}

/** Deletes rules the document left out, inserts new ones, updates changed or moved ones. */
export async function writeDetectors(
  trx: Tx,
  detectors: readonly DetectorSpec[],
  changes: readonly CatalogChange[],
) {
  const gone = changes.filter((c) => c.kind === 'detector' && c.op === 'delete').map((c) => c.id);
  if (gone.length > 0) await trx.deleteFrom('detector_rules').where('id', 'in', gone).execute();
  const stored = new Map(
    (await trx.selectFrom('detector_rules').select(['id', 'position']).execute()).map((d) => [
      d.id,
      d.position,
    ]),
  );
  const changed = new Set(changes.filter((c) => c.kind === 'detector' && c.op === 'update').map((c) => c.id));
  for (const [position, d] of detectors.entries()) {
    const row = {
      component_id: d.component,
      peer_id: d.peer,
      kind: d.kind,
      params: JSON.stringify(d.params),
      enabled: d.enabled ? 1 : 0,
      position,
    };
    const before = stored.get(d.id);
    if (before === undefined)
      await trx
        .insertInto('detector_rules')
        .values({ id: d.id, ...row })
        .execute();
    else if (changed.has(d.id) || before !== position) {
      await trx.updateTable('detector_rules').set(row).where('id', '=', d.id).execute();
    }
  }
}
