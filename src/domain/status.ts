/**
 * @module Component status in the Statuspage vocabulary, derived from open incidents and running
 * maintenance (the worst wins), with dependency propagation: a component whose dependency is down
 * shows as affected and names the cause.
 *
 * @example
 * deriveStatuses({ components, incidents: [{ components: [{ componentId: 'media-cottbus', status: 'major_outage' }] }], maintenances: [] })
 * // → media-cottbus major_outage; local-numbers (dependsOn media-cottbus) major_outage, cause media-cottbus
 */

export const componentStatuses = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

/** Severity for "worst wins": maintenance is announced, so it ranks below any unplanned fault. */
const severity: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export const isComponentStatus = (v: unknown): v is ComponentStatus =>
  typeof v === 'string' && (componentStatuses as readonly string[]).includes(v);

export function worst(a: ComponentStatus, b: ComponentStatus): ComponentStatus {
  return severity[b] > severity[a] ? b : a;
}

export function worstOf(list: Iterable<ComponentStatus>): ComponentStatus {
  let result: ComponentStatus = 'operational';
  for (const s of list) result = worst(result, s);
  return result;
}

export interface CatalogComponentRef {
  id: string;
  dependsOn: readonly string[];
}

export interface OpenIncidentRef {
  id: string;
  components: readonly { componentId: string; status: ComponentStatus }[];
}

export interface ActiveMaintenanceRef {
  id: string;
  componentIds: readonly string[];
}

export interface DerivedStatus {
  status: ComponentStatus;
  /** Status set directly by incidents or maintenance on this component. */
  ownStatus: ComponentStatus;
  /** When the status comes from a dependency: the component that is down (the root cause). */
  causeComponentId: string | null;
  incidentIds: string[];
  maintenanceIds: string[];
}

/** Statuses that travel along dependencies: a fault below is a fault above; maintenance is not. */
const propagates = (s: ComponentStatus) => severity[s] >= severity.degraded_performance;

export function deriveStatuses(input: {
  components: readonly CatalogComponentRef[];
  incidents: readonly OpenIncidentRef[];
  maintenances: readonly ActiveMaintenanceRef[];
}): Map<string, DerivedStatus> {
  const own = new Map<string, DerivedStatus>();
  for (const c of input.components) {
    own.set(c.id, {
      status: 'operational',
      ownStatus: 'operational',
      causeComponentId: null,
      incidentIds: [],
      maintenanceIds: [],
    });
  }
  for (const m of input.maintenances) {
    for (const id of m.componentIds) {
      const d = own.get(id);
      if (!d) continue;
      d.ownStatus = worst(d.ownStatus, 'under_maintenance');
      d.maintenanceIds.push(m.id);
    }
  }
  for (const i of input.incidents) {
    for (const ic of i.components) {
      const d = own.get(ic.componentId);
      if (!d) continue;
      d.ownStatus = worst(d.ownStatus, ic.status);
      d.incidentIds.push(i.id);
    }
  }
  const byId = new Map(input.components.map((c) => [c.id, c]));
  const result = new Map<string, DerivedStatus>();
  for (const c of input.components) {
    const d = own.get(c.id)!;
    const inherited = worstDependency(c.id, byId, own);
    const status =
      inherited && severity[inherited.status] > severity[d.ownStatus] ? inherited.status : d.ownStatus;
    result.set(c.id, {
      ...d,
      status,
      causeComponentId:
        inherited && status === inherited.status && status !== d.ownStatus ? inherited.cause : null,
    });
  }
  return result;
}

/** Worst propagating status among all transitive dependencies, with the component it comes from. */
function worstDependency(
  id: string,
  byId: Map<string, CatalogComponentRef>,
  own: Map<string, DerivedStatus>,
): { status: ComponentStatus; cause: string } | null {
  let best: { status: ComponentStatus; cause: string } | null = null;
  const seen = new Set<string>([id]);
  const queue = [...(byId.get(id)?.dependsOn ?? [])];
  while (queue.length > 0) {
    const dep = queue.shift()!;
    if (seen.has(dep)) continue;
    seen.add(dep);
    const s = own.get(dep)?.ownStatus ?? 'operational';
    if (propagates(s) && (!best || severity[s] > severity[best.status])) best = { status: s, cause: dep };
    queue.push(...(byId.get(dep)?.dependsOn ?? []));
  }
  return best;
}

/** Statuspage's page indicator and our banner: what the whole page says at a glance. */
export type PageIndicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';

export type BannerKind =
  | 'all_operational'
  | 'degraded'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance';

export function banner(statuses: Iterable<ComponentStatus>): { kind: BannerKind; indicator: PageIndicator } {
  const w = worstOf(statuses);
  switch (w) {
    case 'operational':
      return { kind: 'all_operational', indicator: 'none' };
    case 'under_maintenance':
      return { kind: 'under_maintenance', indicator: 'maintenance' };
    case 'degraded_performance':
      return { kind: 'degraded', indicator: 'minor' };
    case 'partial_outage':
      return { kind: 'partial_outage', indicator: 'major' };
    case 'major_outage':
      return { kind: 'major_outage', indicator: 'critical' };
  }
}
