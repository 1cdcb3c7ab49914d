/**
 * @module Read models → API resources (snake_case, bilingual texts as `{ de, en }`). The static
 * types come from the response schemas, so a presenter that forgets or misnames a field does not
 * compile.
 */
import type { Static } from 'typebox';
import type { DerivedStatus } from '#src/domain/status.ts';
import type { ApiTokenView } from '#src/services/list-api-tokens.ts';
import type { Catalog, CatalogComponent } from '#src/services/load-catalog.ts';
import type { IncidentView, MaintenanceView } from '#src/services/views.ts';
import type { ApiToken, Component, Incident, Maintenance } from './schemas.ts';

type Named = { id: string; name: { de: string; en: string } } | null;

export function presentComponent(
  c: CatalogComponent,
  catalog: Catalog,
  derived: DerivedStatus | undefined,
): Static<typeof Component> {
  const named = (x: { id: string; name: { de: string; en: string } } | undefined): Named =>
    x ? { id: x.id, name: x.name } : null;
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    position: c.position,
    created_at: c.createdAt,
    status: derived?.status ?? 'operational',
    own_status: derived?.ownStatus ?? 'operational',
    cause_component_id: derived?.causeComponentId ?? null,
    incident_ids: derived?.incidentIds ?? [],
    maintenance_ids: derived?.maintenanceIds ?? [],
    group: named(catalog.groups.find((g) => g.id === c.groupId)),
    site: named(catalog.sites.find((s) => s.id === c.siteId)),
    services: catalog.services
      .filter((s) => c.services.includes(s.id))
      .map((s) => ({ id: s.id, name: s.name })),
    depends_on: c.dependsOn,
  };
}

export function presentIncident(i: IncidentView): Static<typeof Incident> {
  return {
    id: i.id,
    title: i.title,
    impact: i.impact as Static<typeof Incident>['impact'],
    status: i.status as Static<typeof Incident>['status'],
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    resolved_at: i.resolvedAt,
    version: i.version,
    components: i.components.map((c) => ({ component_id: c.componentId, status: c.status })),
    updates: i.updates.map((u) => ({
      id: u.id,
      status: u.status as Static<typeof Incident>['status'],
      message: u.body,
      visibility: u.visibility,
      created_at: u.createdAt,
      author: u.author,
    })),
  };
}

export function presentMaintenance(m: MaintenanceView): Static<typeof Maintenance> {
  type Status = Static<typeof Maintenance>['status'];
  return {
    id: m.id,
    title: m.title,
    status: m.status as Status,
    scheduled_start: m.scheduledStart,
    scheduled_end: m.scheduledEnd,
    started_at: m.startedAt,
    completed_at: m.completedAt,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    version: m.version,
    component_ids: m.componentIds,
    updates: m.updates.map((u) => ({
      id: u.id,
      status: u.status as Status,
      message: u.body,
      created_at: u.createdAt,
      author: u.author,
    })),
  };
}

export function presentApiToken(t: ApiTokenView): Static<typeof ApiToken> {
  return {
    id: t.id,
    name: t.name,
    role: t.role,
    created_at: t.createdAt,
    last_used_at: t.lastUsedAt,
    revoked_at: t.revokedAt,
  };
}
