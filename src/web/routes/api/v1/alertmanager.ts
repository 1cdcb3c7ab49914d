/**
 * @module POST /api/v1/alertmanager: Alertmanager's webhook receiver (payload version 4), with an
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

export function alertmanagerEndpoints(deps: AppDeps): Endpoint[] {
  return [
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
