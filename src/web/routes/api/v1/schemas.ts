/**
 * @module The JSON shapes of /api/v1 as TypeBox schemas: what requests are validated with, what
 * responses are serialised with, and what the OpenAPI document and the docs page show. Names are
 * snake_case like the database and the Statuspage API; texts are `{ de, en }` objects, in and out.
 * A `description` that is a message key is translated when the document is rendered.
 */
import { Type } from 'typebox';
import {
  incidentImpacts,
  incidentStatuses,
  maxMessageLength,
  maxTitleLength,
  openIncidentStatuses,
  updateVisibilities,
} from '#src/domain/incident.ts';
import { maintenanceStatuses } from '#src/domain/maintenance.ts';
import { componentStatuses } from '#src/domain/status.ts';
import { roles } from '#src/services/context.ts';
import { maxTokenNameLength } from '#src/services/create-api-token.ts';

/** Most components one incident or window may name: far above any real catalog, bounds the work. */
const maxComponents = 500;

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Timestamp = Type.String({ format: 'date-time' });
const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);
const Bilingual = Type.Object({ de: Type.String(), en: Type.String() }, { additionalProperties: false });

/** Input text: either language may be omitted or empty (it is filled from the other). */
const bilingualInput = (max: number) =>
  Type.Object(
    {
      de: Type.Optional(Type.String({ maxLength: max })),
      en: Type.Optional(Type.String({ maxLength: max })),
    },
    { additionalProperties: false, description: 'api.field.bilingual' },
  );

export const ComponentStatus = Type.Enum([...componentStatuses]);
/** What an incident may set on a component (operational and maintenance are not faults). */
const FaultStatus = Type.Enum(['degraded_performance', 'partial_outage', 'major_outage']);
const IncidentStatus = Type.Enum([...incidentStatuses]);
const Impact = Type.Enum([...incidentImpacts], { description: 'api.field.impact' });
const Visibility = Type.Enum([...updateVisibilities], { description: 'api.field.visibility' });
const MaintenanceStatus = Type.Enum([...maintenanceStatuses]);
const Role = Type.Enum([...roles]);

const Named = Type.Object({ id: Id, name: Bilingual }, { additionalProperties: false });

// ── Resources ────────────────────────────────────────────────────────────────────────────────

export const Component = Type.Object(
  {
    id: Id,
    name: Bilingual,
    description: Bilingual,
    position: Type.Integer(),
    created_at: Timestamp,
    status: ComponentStatus,
    own_status: Type.Enum([...componentStatuses], { description: 'api.field.ownStatus' }),
    cause_component_id: Type.Union([Id, Type.Null()], { description: 'api.field.causeComponentId' }),
    incident_ids: Type.Array(Id),
    maintenance_ids: Type.Array(Id),
    group: Type.Union([Named, Type.Null()]),
    site: Type.Union([Named, Type.Null()]),
    services: Type.Array(Named),
    depends_on: Type.Array(Id),
  },
  { additionalProperties: false },
);
export const ComponentList = Type.Object(
  { components: Type.Array(Component) },
  { additionalProperties: false },
);

const AffectedComponent = Type.Object(
  { component_id: Id, status: ComponentStatus },
  { additionalProperties: false },
);
const IncidentUpdate = Type.Object(
  {
    id: Id,
    status: IncidentStatus,
    message: Bilingual,
    visibility: Type.Enum([...updateVisibilities]),
    created_at: Timestamp,
    author: Type.String(),
  },
  { additionalProperties: false },
);
export const Incident = Type.Object(
  {
    id: Id,
    title: Bilingual,
    impact: Type.Enum([...incidentImpacts]),
    status: IncidentStatus,
    created_at: Timestamp,
    updated_at: Timestamp,
    resolved_at: NullableTimestamp,
    version: Type.Integer(),
    components: Type.Array(AffectedComponent),
    updates: Type.Array(IncidentUpdate),
  },
  { additionalProperties: false },
);
export const IncidentPage = Type.Object(
  {
    incidents: Type.Array(Incident),
    page: Type.Integer(),
    per_page: Type.Integer(),
    total: Type.Integer(),
    pages: Type.Integer(),
  },
  { additionalProperties: false },
);

const MaintenanceUpdate = Type.Object(
  { id: Id, status: MaintenanceStatus, message: Bilingual, created_at: Timestamp, author: Type.String() },
  { additionalProperties: false },
);
export const Maintenance = Type.Object(
  {
    id: Id,
    title: Bilingual,
    status: MaintenanceStatus,
    scheduled_start: Timestamp,
    scheduled_end: Timestamp,
    started_at: NullableTimestamp,
    completed_at: NullableTimestamp,
    created_at: Timestamp,
    updated_at: Timestamp,
    version: Type.Integer(),
    component_ids: Type.Array(Id),
    updates: Type.Array(MaintenanceUpdate),
  },
  { additionalProperties: false },
);
export const MaintenanceList = Type.Object(
  { maintenances: Type.Array(Maintenance) },
  { additionalProperties: false },
);

const apiTokenFields = {
  id: Id,
  name: Type.String(),
  role: Role,
  created_at: Timestamp,
  last_used_at: NullableTimestamp,
  revoked_at: NullableTimestamp,
};
export const ApiToken = Type.Object(apiTokenFields, { additionalProperties: false });
export const ApiTokenList = Type.Object({ tokens: Type.Array(ApiToken) }, { additionalProperties: false });
export const CreatedApiToken = Type.Object(
  { ...apiTokenFields, token: Type.String({ description: 'api.field.token' }) },
  { additionalProperties: false },
);

export const ErrorBody = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.Enum([
          'validation_failed',
          'unauthorized',
          'forbidden',
          'not_found',
          'conflict',
          'invalid_transition',
          'payload_too_large',
          'rate_limited',
          'internal',
        ]),
        message: Type.String(),
        fields: Type.Array(
          Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: false }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

// ── Requests ─────────────────────────────────────────────────────────────────────────────────

export const IdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 100, description: 'api.param.id' }),
});

export const IncidentQuery = Type.Object({
  status: Type.Optional(
    Type.Enum(['open', 'resolved', 'all'], { default: 'all', description: 'api.param.status' }),
  ),
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'api.param.page' }),
  ),
  per_page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'api.param.per_page' }),
  ),
});

export const MaintenanceQuery = Type.Object({
  filter: Type.Optional(
    Type.Enum(['upcoming', 'active', 'past', 'all'], { default: 'all', description: 'api.param.filter' }),
  ),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'api.param.limit' }),
  ),
});

const AffectedComponentInput = Type.Object(
  { component_id: Id, status: FaultStatus },
  { additionalProperties: false },
);
const affectedComponents = Type.Array(AffectedComponentInput, {
  minItems: 1,
  maxItems: maxComponents,
  description: 'api.field.components',
});

export const DeclareIncidentBody = Type.Object(
  {
    title: bilingualInput(maxTitleLength),
    impact: Type.Optional(Impact),
    status: Type.Optional(Type.Enum([...openIncidentStatuses], { default: 'investigating' })),
    components: affectedComponents,
    message: bilingualInput(maxMessageLength),
    visibility: Type.Optional(Visibility),
    /** Cloud host names the incident concerns (docs/PARTNERS.md); omitted or empty: every cloud. */
    clouds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: 200,
        description: 'api.field.clouds',
      }),
    ),
  },
  { additionalProperties: false },
);

export const IncidentUpdateBody = Type.Object(
  {
    status: IncidentStatus,
    message: bilingualInput(maxMessageLength),
    visibility: Type.Optional(Visibility),
    components: Type.Optional(affectedComponents),
    impact: Type.Optional(Type.Enum([...incidentImpacts])),
  },
  { additionalProperties: false },
);

export const ResolveIncidentBody = Type.Object(
  { message: bilingualInput(maxMessageLength), visibility: Type.Optional(Visibility) },
  { additionalProperties: false },
);

export const ScheduleMaintenanceBody = Type.Object(
  {
    title: bilingualInput(maxTitleLength),
    message: bilingualInput(maxMessageLength),
    component_ids: Type.Array(Id, {
      minItems: 1,
      maxItems: maxComponents,
      description: 'api.field.componentIds',
    }),
    scheduled_start: Type.String({ format: 'date-time', description: 'api.field.scheduledStart' }),
    scheduled_end: Type.String({ format: 'date-time', description: 'api.field.scheduledEnd' }),
  },
  { additionalProperties: false },
);

export const MaintenanceUpdateBody = Type.Object(
  { status: MaintenanceStatus, message: Type.Optional(bilingualInput(maxMessageLength)) },
  { additionalProperties: false },
);

export const CreateApiTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: maxTokenNameLength, description: 'api.field.tokenName' }),
    role: Role,
  },
  { additionalProperties: false },
);
