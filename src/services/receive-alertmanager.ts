/**
 * @module Intake from an existing Prometheus/Alertmanager: each alert of a webhook payload (v4) is
 * mapped by a label to a component and raised or cleared through the same verbs as dialtone's own
 * detectors, under the key `alertmanager:<fingerprint>` (so Alertmanager's repeats refresh one
 * alert). Alerts naming no known component are counted and named in the result, never an error.
 */
import { createHash } from 'node:crypto';
import type { AlertmanagerEvidence } from '#src/domain/detectors/text.ts';
import { isDialtoneError } from '#src/domain/errors.ts';
import { clearAlert } from './clear-alert.ts';
import type { ServiceContext } from './context.ts';
import { raiseAlert } from './raise-alert.ts';

export interface AlertmanagerAlert {
  status: string;
  labels: Record<string, string>;
  annotations?: Record<string, string> | undefined;
  startsAt?: string | undefined;
  fingerprint?: string | undefined;
}

export interface AlertmanagerResult {
  received: number;
  raised: number;
  refreshed: number;
  cleared: number;
  unknown: { count: number; components: string[] };
}

/** Most distinct unknown component names listed back (the count covers all). */
const maxListed = 20;
/** Severities Alertmanager setups commonly use for "wake someone up". */
const criticalSeverities = new Set(['critical', 'page', 'emergency', 'error']);

/** Alertmanager's fingerprint, or one of our own from the sorted labels (older senders omit it). */
function keyOf(a: AlertmanagerAlert): string {
  if (a.fingerprint) return a.fingerprint;
  const labels = Object.entries(a.labels).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(labels)).digest('hex').slice(0, 16);
}

export async function receiveAlertmanager({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { alerts: readonly AlertmanagerAlert[]; label: string; timeZone: string };
}): Promise<AlertmanagerResult> {
  const result: AlertmanagerResult = {
    received: input.alerts.length,
    raised: 0,
    refreshed: 0,
    cleared: 0,
    unknown: { count: 0, components: [] },
  };
  const names = [...new Set(input.alerts.map((a) => a.labels[input.label]).filter((n): n is string => !!n))];
  const known = new Set(
    names.length === 0
      ? []
      : (await ctx.db.selectFrom('components').select('id').where('id', 'in', names).execute()).map(
          (c) => c.id,
        ),
  );
  const unknown = (componentId: string) => {
    result.unknown.count += 1;
    const shown = componentId || `(${input.label}?)`;
    if (result.unknown.components.length < maxListed && !result.unknown.components.includes(shown)) {
      result.unknown.components.push(shown);
    }
  };
  for (const a of input.alerts) {
    const componentId = a.labels[input.label] ?? '';
    if (!known.has(componentId)) {
      unknown(componentId);
      continue;
    }
    const ruleKey = `alertmanager:${keyOf(a)}`;
    if (a.status === 'resolved') {
      if ((await clearAlert({ ctx, input: { ruleKey } })).id) result.cleared += 1;
      continue;
    }
    const alertname = a.labels.alertname ?? 'alert';
    const evidence: AlertmanagerEvidence = {
      kind: 'alertmanager',
      fingerprint: keyOf(a),
      alertname,
      summary: a.annotations?.summary ?? '',
      description: a.annotations?.description ?? '',
      labels: a.labels,
      startsAt: a.startsAt && !Number.isNaN(Date.parse(a.startsAt)) ? a.startsAt : ctx.clock().toISOString(),
    };
    let raised: Awaited<ReturnType<typeof raiseAlert>>;
    try {
      raised = await raiseAlert({
        ctx,
        input: {
          componentId,
          source: 'alertmanager',
          ruleKey,
          severity: criticalSeverities.has((a.labels.severity ?? '').toLowerCase()) ? 'critical' : 'warning',
          evidence,
          sourceName: { de: alertname, en: alertname },
          timeZone: input.timeZone,
        },
      });
    } catch (err) {
      // The component left the catalog since the lookup above: counted like any unknown one.
      if (isDialtoneError(err) && err.code === 'not_found') {
        unknown(componentId);
        continue;
      }
      throw err;
    }
    if (raised.created) result.raised += 1;
    else result.refreshed += 1;
  }
  return result;
}
