/**
 * @module Which components an incident affects, for "who is affected?" (notifications to affected
 * customers, restoration progress, the hotline announcement per caller number): the incident's
 * own components and, when their status is a fault (degraded or worse), every component that
 * depends on them, transitively — the same rule the status page uses to propagate outages.
 * Maintenance does not propagate.
 *
 * @example
 * affectedComponentIds(
 *   [{ componentId: 'sbc-cottbus', status: 'major_outage' }],
 *   [{ id: 'sbc-cottbus', dependsOn: [] }, { id: 'media-cottbus', dependsOn: ['sbc-cottbus'] }],
 * ) // → Set { 'sbc-cottbus', 'media-cottbus' }
 */
import type { CatalogComponentRef, ComponentStatus } from './status.ts';

const faults: ReadonlySet<ComponentStatus> = new Set([
  'degraded_performance',
  'partial_outage',
  'major_outage',
]);

export function affectedComponentIds(
  incidentComponents: readonly { componentId: string; status: ComponentStatus }[],
  components: readonly CatalogComponentRef[],
): Set<string> {
  const dependents = new Map<string, string[]>();
  for (const c of components) {
    for (const dep of c.dependsOn) dependents.set(dep, [...(dependents.get(dep) ?? []), c.id]);
  }
  const affected = new Set<string>();
  const queue: string[] = [];
  for (const ic of incidentComponents) {
    affected.add(ic.componentId);
    if (faults.has(ic.status)) queue.push(ic.componentId);
  }
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const up of dependents.get(id) ?? []) {
      if (affected.has(up)) continue;
      affected.add(up);
      queue.push(up);
    }
  }
  return affected;
}

export interface RestorationProgress {
  restored: number;
  total: number;
  /** Whole percent, rounded down so that 100 % means all (199 of 200 is 99 %, not 100 %). */
  percent: number;
}

export function restorationProgress(restored: number, total: number): RestorationProgress {
  const r = Math.max(0, Math.min(restored, total));
  return { restored: r, total, percent: total === 0 ? 0 : Math.floor((r * 100) / total) };
}

/** Column names that hold the resource in a pasted or uploaded CSV (first column otherwise). */
const valueColumns = new Set(['resource_value', 'value', 'number', 'phone_number', 'rufnummer', 'nummer']);

/**
 * The resources an operator lists as restored: one per line, or a CSV (the inventory's
 * `resource_value` column, a `number`/`Rufnummer` column, or the first column). Duplicates and
 * blank entries dropped, order kept. `error` names the CSV line that cannot be read.
 *
 * @example
 * parseResourceList('+49 355 1234567\n+493551234568\n') // → { values: ['+49 355 1234567', '+493551234568'] }
 */
export function parseResourceList(
  text: string,
  parse: (input: string) => { ok: true; records: { fields: string[] }[] } | { ok: false; line: number },
): { values: string[] } | { error: { line: number } } {
  const parsed = parse(text);
  if (!parsed.ok) return { error: { line: parsed.line } };
  const rows = parsed.records.map((r) => r.fields.map((f) => f.trim()));
  const header = rows[0]?.map((f) => f.toLowerCase()) ?? [];
  const named = header.findIndex((f) => valueColumns.has(f));
  const column = named >= 0 ? named : 0;
  const body = named >= 0 ? rows.slice(1) : rows;
  const values = new Set<string>();
  for (const row of body) {
    const v = row[column] ?? '';
    if (v !== '') values.add(v);
  }
  return { values: [...values] };
}
