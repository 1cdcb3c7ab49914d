/**
 * @module GET /api/v1/alerts (firing and the 50 most recently ended, with evidence) and
 * POST /api/v1/alertmanager: Alertmanager's webhook receiver (payload version 4), with an
 * API token (operator) as `Authorization: Bearer`, e.g. in alertmanager.yml:
 *
 * @example
 * receivers:
 *   - name: dialtone
 *     webhook_configs:
 *       - url: https://status.example.net/api/v1/alertmanager
 *         http_config: { authorization: { credentials_file: /etc/alertmanager/dialtone-token } }
 *
 * Fields dialtone does not use are accepted (Alertmanager adds some between versions); the ones it
 * uses are checked. Each alert's label named by DIALTONE_ALERTMANAGER_LABEL (default `component`)
 * picks the component; unknown ones are counted in the answer.
 */
import { Type } from 'typebox';
import type { AlertView } from '#src/services/alert-rows.ts';
import { listAlerts } from '#src/services/list-alerts.ts';
import { receiveAlertmanager } from '#src/services/receive-alertmanager.ts';
import { type AppDeps, serviceContext } from '../../../deps.ts';
import { staffActor } from '../../../plugins/guards.ts';
import { type Endpoint, endpoint } from './endpoint.ts';

/** Most alerts one webhook call may carry (Alertmanager's max_alerts is usually far lower). */
const maxAlerts = 1000;

const Strings = Type.Record(Type.String({ maxLength: 200 }), Type.String({ maxLength: 4000 }), {
  maxProperties: 100,
});

const AlertmanagerAlert = Type.Object(
  {
    status: Type.Enum(['firing', 'resolved']),
    labels: Strings,
    annotations: Type.Optional(Strings),
    startsAt: Type.Optional(Type.String({ maxLength: 64 })),
    endsAt: Type.Optional(Type.String({ maxLength: 64 })),
    generatorURL: Type.Optional(Type.String({ maxLength: 4000 })),
    fingerprint: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: true },
);

export const AlertmanagerPayload = Type.Object(
  {
    version: Type.Optional(Type.String({ maxLength: 10 })),
    status: Type.Optional(Type.String({ maxLength: 20 })),
    receiver: Type.Optional(Type.String({ maxLength: 200 })),
    alerts: Type.Array(AlertmanagerAlert, { maxItems: maxAlerts }),
  },
  { additionalProperties: true },
);

const AlertmanagerAnswer = Type.Object(
  {
    received: Type.Integer(),
    raised: Type.Integer(),
    refreshed: Type.Integer(),
    cleared: Type.Integer(),
    unknown: Type.Object(
      { count: Type.Integer(), components: Type.Array(Type.String()) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const AlertJson = Type.Object(
  {
    id: Type.String(),
    component_id: Type.String(),
    source: Type.String(),
    rule_key: Type.String(),
    state: Type.Enum(['firing', 'resolved']),
    severity: Type.Enum(['warning', 'critical']),
    title: Type.Object({ de: Type.String(), en: Type.String() }, { additionalProperties: false }),
    evidence: Type.Unknown(),
    started_at: Type.String({ format: 'date-time' }),
    last_evaluated_at: Type.String({ format: 'date-time' }),
    resolved_at: Nullable(Type.String({ format: 'date-time' })),
    incident_id: Nullable(Type.String()),
    decision: Type.Enum(['pending', 'declared', 'dismissed', 'auto']),
    acknowledged_at: Nullable(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
const AlertList = Type.Object(
  { firing: Type.Array(AlertJson), recent: Type.Array(AlertJson) },
  { additionalProperties: false },
);

const presentAlert = (a: AlertView) => ({
  id: a.id,
  component_id: a.componentId,
  source: a.source,
  rule_key: a.ruleKey,
  state: a.state,
  severity: a.severity,
  title: a.title,
  evidence: a.evidence,
  started_at: a.startedAt,
  last_evaluated_at: a.lastEvaluatedAt,
  resolved_at: a.resolvedAt,
  incident_id: a.incidentId,
  decision: a.decision,
  acknowledged_at: a.acknowledgedAt,
});

export function alertmanagerEndpoints(deps: AppDeps): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      url: '/alerts',
      operationId: 'listAlerts',
      tag: 'alerts',
      role: 'operator',
      success: { status: 200, schema: AlertList },
      async handler() {
        const lists = await listAlerts(deps.store.db, { recent: 50 });
        return { firing: lists.firing.map(presentAlert), recent: lists.resolved.map(presentAlert) };
      },
    }),
    endpoint({
      method: 'POST',
      url: '/alertmanager',
      operationId: 'receiveAlertmanager',
      tag: 'alerts',
      role: 'operator',
      body: AlertmanagerPayload,
      success: { status: 200, schema: AlertmanagerAnswer },
      example: {
        version: '4',
        status: 'firing',
        receiver: 'dialtone',
        alerts: [
          {
            status: 'firing',
            labels: { alertname: 'SbcDown', component: 'sip-trunk', severity: 'critical' },
            annotations: { summary: 'SBC Frankfurt unreachable' },
            startsAt: '2026-11-22T10:00:00Z',
            fingerprint: 'c0ffee1234567890',
          },
        ],
      },
      async handler({ body, request }) {
        return receiveAlertmanager({
          ctx: serviceContext(deps, staffActor(request)),
          input: {
            alerts: body.alerts,
            label: deps.config.alertmanagerLabel,
            timeZone: deps.config.defaultTimeZone,
          },
        });
      },
    }),
  ];
}
