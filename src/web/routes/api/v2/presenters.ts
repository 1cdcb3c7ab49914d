/**
 * @module Pure presenters: dialtone's read models → Atlassian Statuspage's public API v2 shapes
 * (field names and value vocabulary), in one language, with timestamps in the page's zone.
 * docs/STATUSPAGE-API.md documents the mapping and where it differs from Statuspage.
 */
import { type ComponentStatus, type DerivedStatus, worstOf } from '#src/domain/status.ts';
import { localDate } from '#src/domain/zoned-time.ts';
import type { Catalog } from '#src/services/load-catalog.ts';
import type { IncidentView, MaintenanceView } from '#src/services/views.ts';
import type { Locale } from '#src/web/i18n/index.ts';
import { pick } from '#src/web/views/format.ts';
import { type Indicator, statusDescriptions } from './strings.ts';
import { isoOrNull, isoWithOffset } from './time.ts';
import type { SpComponent, SpIncident, SpIncidentUpdate, SpMaintenance, SpPage, SpStatus } from './types.ts';

export interface PresentContext {
  locale: Locale;
  /** The page's zone (configured default), not the reader's: every reader gets the same bytes. */
  timeZone: string;
  pageId: string;
  publicUrl: string;
}

export function presentPage(
  page: { id: string; name: string; url: string; updatedAt: string },
  ctx: PresentContext,
): SpPage {
  return {
    id: page.id,
    name: page.name,
    url: page.url,
    time_zone: ctx.timeZone,
    updated_at: isoWithOffset(page.updatedAt, ctx.timeZone),
  };
}

/**
 * The page indicator, Statuspage's "worst of" rollup:
 * - an unresolved incident counts with its impact (`none` < `minor` < `major` < `critical`);
 * - a component counts with its derived status: `degraded_performance` → `minor`,
 *   `partial_outage` → `major`, `major_outage` → `critical` (the same steps as the banner), so a
 *   dependency outage reaches the indicator even when the incident's impact was set lower;
 * - a running maintenance (or a component `under_maintenance`) gives `maintenance`, which, as on
 *   Statuspage, ranks above `none` but below any fault: planned work is no outage.
 */
export function pageIndicator(
  incidentImpacts: readonly string[],
  componentStatuses: readonly ComponentStatus[],
  maintenanceRunning: boolean,
): Indicator {
  const rank: Record<Indicator, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };
  const fromComponent: Record<ComponentStatus, Indicator> = {
    operational: 'none',
    under_maintenance: 'maintenance',
    degraded_performance: 'minor',
    partial_outage: 'major',
    major_outage: 'critical',
  };
  const candidates: Indicator[] = [
    ...incidentImpacts.filter((i): i is Indicator => Object.hasOwn(rank, i) && i !== 'maintenance'),
    ...componentStatuses.map((s) => fromComponent[s]),
    ...(maintenanceRunning ? (['maintenance'] as const) : []),
  ];
  return candidates.reduce<Indicator>((a, b) => (rank[b] > rank[a] ? b : a), 'none');
}

export const presentStatus = (indicator: Indicator, locale: Locale): SpStatus => ({
  indicator,
  description: statusDescriptions[locale][indicator],
});

type CatalogComponent = Catalog['components'][number];
type CatalogGroup = Catalog['groups'][number];
type TopLevel = { kind: 'group'; item: CatalogGroup } | { kind: 'component'; item: CatalogComponent };

const byPosition = (a: { position: number; id: string }, b: { position: number; id: string }) =>
  a.position - b.position || a.id.localeCompare(b.id);

/** Groups and ungrouped components in one order (groups first on equal positions). */
function topLevel(catalog: Pick<Catalog, 'groups' | 'components'>): TopLevel[] {
  const knownGroups = new Set(catalog.groups.map((g) => g.id));
  return [
    ...catalog.groups.map((item): TopLevel => ({ kind: 'group', item })),
    ...catalog.components
      .filter((c) => !c.groupId || !knownGroups.has(c.groupId))
      .map((item): TopLevel => ({ kind: 'component', item })),
  ].sort(
    (a, b) =>
      a.item.position - b.item.position ||
      (a.kind === b.kind ? a.item.id.localeCompare(b.item.id) : a.kind === 'group' ? -1 : 1),
  );
}

/**
 * Components in display order: top-level entries (groups and ungrouped components) by position,
 * each group followed by its members. Groups are Statuspage "group components" with the worst
 * member status. Positions count from 1 within their level, as on Statuspage.
 */
export function presentComponents(
  catalog: Pick<Catalog, 'groups' | 'components'>,
  statuses: ReadonlyMap<string, Pick<DerivedStatus, 'status'>>,
  changedAt: ReadonlyMap<string, string>,
  ctx: PresentContext,
): SpComponent[] {
  const componentIds = new Set(catalog.components.map((c) => c.id));
  const statusOf = (id: string): ComponentStatus => statuses.get(id)?.status ?? 'operational';
  const updatedOf = (c: CatalogComponent) => latest([c.createdAt, changedAt.get(c.id)])!;
  const leaf = (c: CatalogComponent, position: number, groupId: string | null): SpComponent => ({
    id: c.id,
    name: pick(c.name, ctx.locale),
    status: statusOf(c.id),
    created_at: isoWithOffset(c.createdAt, ctx.timeZone),
    updated_at: isoWithOffset(updatedOf(c), ctx.timeZone),
    position,
    description: pick(c.description, ctx.locale) || null,
    showcase: true,
    start_date: localDate(new Date(c.createdAt), ctx.timeZone),
    group_id: groupId,
    page_id: ctx.pageId,
    group: false,
    only_show_if_degraded: false,
  });

  const out: SpComponent[] = [];
  let position = 0;
  for (const t of topLevel(catalog)) {
    if (t.kind === 'component') {
      out.push(leaf(t.item, ++position, null));
      continue;
    }
    const members = catalog.components.filter((c) => c.groupId === t.item.id).sort(byPosition);
    if (members.length === 0) continue;
    // A group sharing its id with a component would make two entries with one id.
    const id = componentIds.has(t.item.id) ? `group-${t.item.id}` : t.item.id;
    out.push({
      id,
      name: pick(t.item.name, ctx.locale),
      status: worstOf(members.map((m) => statusOf(m.id))),
      created_at: isoWithOffset(earliest(members.map((m) => m.createdAt)), ctx.timeZone),
      updated_at: isoWithOffset(latest(members.map(updatedOf))!, ctx.timeZone),
      position: ++position,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: ctx.pageId,
      group: true,
      only_show_if_degraded: false,
      components: members.map((m) => m.id),
    });
    out.push(...members.map((m, i) => leaf(m, i + 1, id)));
  }
  return out;
}

/** Newest of some ISO timestamps (they sort as text); undefined entries are skipped. */
export function latest(list: readonly (string | null | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const v of list) if (v && (!best || v > best)) best = v;
  return best;
}

function earliest(list: readonly string[]): string {
  return [...list].sort()[0]!;
}

export function presentIncident(
  view: IncidentView,
  components: ReadonlyMap<string, SpComponent>,
  ctx: PresentContext,
): SpIncident {
  // The read verbs already drop internal updates for the public; filtering again keeps a future
  // caller that loads them for staff from leaking them here.
  const updates = view.updates.filter((u) => u.visibility === 'public');
  const monitoring = updates.find((u) => u.status === 'monitoring');
  // Taken from public facts only: the row's updated_at also moves on internal notes.
  const updatedAt = latest([view.createdAt, updates[0]?.createdAt, view.resolvedAt])!;
  return {
    id: view.id,
    name: pick(view.title, ctx.locale),
    status: view.status,
    created_at: isoWithOffset(view.createdAt, ctx.timeZone),
    updated_at: isoWithOffset(updatedAt, ctx.timeZone),
    monitoring_at: isoOrNull(monitoring?.createdAt, ctx.timeZone),
    resolved_at: isoOrNull(view.resolvedAt, ctx.timeZone),
    impact: view.impact,
    shortlink: `${ctx.publicUrl}/incidents/${encodeURIComponent(view.id)}`,
    started_at: isoWithOffset(view.createdAt, ctx.timeZone),
    page_id: ctx.pageId,
    incident_updates: updates.map((u) => presentUpdate(view.id, u, ctx)),
    components: affected(
      view.components.map((c) => c.componentId),
      components,
    ),
  };
}

/** Statuspage knows no cancelled maintenance: a called-off window ends as `completed`. */
const maintenanceStatus = (status: string) => (status === 'cancelled' ? 'completed' : status);

export function presentMaintenance(
  view: MaintenanceView,
  components: ReadonlyMap<string, SpComponent>,
  ctx: PresentContext,
): SpMaintenance {
  return {
    id: view.id,
    name: pick(view.title, ctx.locale),
    status: maintenanceStatus(view.status),
    created_at: isoWithOffset(view.createdAt, ctx.timeZone),
    updated_at: isoWithOffset(view.updatedAt, ctx.timeZone),
    monitoring_at: null,
    resolved_at: isoOrNull(view.completedAt, ctx.timeZone),
    impact: 'maintenance',
    shortlink: `${ctx.publicUrl}/maintenance/${encodeURIComponent(view.id)}`,
    started_at: isoWithOffset(view.createdAt, ctx.timeZone),
    page_id: ctx.pageId,
    incident_updates: view.updates.map((u) =>
      presentUpdate(view.id, { ...u, status: maintenanceStatus(u.status) }, ctx),
    ),
    components: affected(view.componentIds, components),
    scheduled_for: isoWithOffset(view.scheduledStart, ctx.timeZone),
    scheduled_until: isoWithOffset(view.scheduledEnd, ctx.timeZone),
  };
}

function presentUpdate(
  parentId: string,
  u: { id: string; status: string; body: { de: string; en: string }; createdAt: string },
  ctx: PresentContext,
): SpIncidentUpdate {
  const at = isoWithOffset(u.createdAt, ctx.timeZone);
  return {
    id: u.id,
    status: u.status,
    body: pick(u.body, ctx.locale),
    incident_id: parentId,
    created_at: at,
    updated_at: at,
    display_at: at,
    // Per-update component transitions are not recorded; Statuspage sends null for "none given".
    affected_components: null,
    // Public updates are the ones subscribers are told about.
    deliver_notifications: true,
    custom_tweet: null,
    tweet_id: null,
  };
}

function affected(ids: readonly string[], components: ReadonlyMap<string, SpComponent>): SpComponent[] {
  return ids.flatMap((id) => {
    const c = components.get(id);
    return c && !c.group ? [c] : [];
  });
}
