/**
 * @module What applying a catalog file would change: the difference between the catalog as it is
 * and as the file wants it, one line per created, updated or deleted entry.
 */
import { type Bilingual, type CatalogDocument, type CatalogSection, isObj } from './catalog.ts';

export type CatalogKind =
  | 'site'
  | 'group'
  | 'service'
  | 'component'
  | 'hotline'
  | 'monitor'
  | 'peer'
  | 'detector';
export const sectionKinds: readonly (readonly [CatalogSection, CatalogKind])[] = [
  ['sites', 'site'],
  ['groups', 'group'],
  ['services', 'service'],
  ['components', 'component'],
  ['hotlines', 'hotline'],
  ['monitors', 'monitor'],
  ['peers', 'peer'],
  ['detectors', 'detector'],
];

export interface CatalogChange {
  op: 'create' | 'update' | 'delete';
  kind: CatalogKind;
  id: string;
  /** For updates: what changed (`name_en`, `dependsOn`, `position`, …). */
  fields: string[];
}

/**
 * What applying `desired` to `current` changes: per kind, creations and updates in file order,
 * then deletions. Moving items reports `position` only for those that left the longest run of
 * unchanged order, so adding one component at the top does not report every other one as moved.
 */
export function diffCatalog(current: CatalogDocument, desired: CatalogDocument): CatalogChange[] {
  const changes: CatalogChange[] = [];
  for (const [section, kind] of sectionKinds) {
    const before: readonly { id: string }[] = current[section];
    const after: readonly { id: string }[] = desired[section];
    const beforeById = new Map(before.map((x) => [x.id, x]));
    const afterIds = new Set(after.map((x) => x.id));
    const moved = movedIds(
      before.map((x) => x.id).filter((id) => afterIds.has(id)),
      after.map((x) => x.id).filter((id) => beforeById.has(id)),
    );
    for (const item of after) {
      const old = beforeById.get(item.id);
      if (!old) {
        changes.push({ op: 'create', kind, id: item.id, fields: [] });
        continue;
      }
      const a = flatten(old);
      const b = flatten(item);
      const fields = Object.keys(b).filter((k) => a[k] !== b[k]);
      if (moved.has(item.id)) fields.push('position');
      if (fields.length > 0) changes.push({ op: 'update', kind, id: item.id, fields });
    }
    for (const item of before) {
      if (!afterIds.has(item.id)) changes.push({ op: 'delete', kind, id: item.id, fields: [] });
    }
  }
  return changes;
}

/** `+ component media-cottbus`, `~ component sip-trunk: name_en`, `- site old-dc`. */
export function formatChange(c: CatalogChange): string {
  if (c.op === 'create') return `+ ${c.kind} ${c.id}`;
  if (c.op === 'delete') return `- ${c.kind} ${c.id}`;
  return `~ ${c.kind} ${c.id}: ${c.fields.join(', ')}`;
}

const isBilingual = (v: unknown): v is Bilingual =>
  isObj(v) && Object.keys(v).length === 2 && typeof v.de === 'string' && typeof v.en === 'string';

/** One comparable string per field; bilingual texts split into `<field>_de` and `<field>_en`. */
function flatten(item: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === 'id') continue;
    if (isBilingual(v)) {
      out[`${k}_de`] = v.de;
      out[`${k}_en`] = v.en;
    } else out[k] = canonical(v ?? null);
  }
  return out;
}

/**
 * Ids (present in both orders) outside a longest run kept in the same relative order. Both lists
 * hold the same ids, so this is the longest increasing subsequence of the old positions taken in
 * the new order: O(n log n), fine for catalogs of any size a file can hold.
 */
function movedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const oldIndex = new Map(before.map((id, i) => [id, i]));
  const seq = after.map((id) => oldIndex.get(id)!);
  // tails[k]: index in seq of the smallest tail of an increasing run of length k + 1.
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept = new Set<string>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = prev[i]!) kept.add(after[i]!);
  return new Set(after.filter((id) => !kept.has(id)));
}

/** JSON with object keys sorted, so equal values compare equal however they were built. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObj(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
