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
