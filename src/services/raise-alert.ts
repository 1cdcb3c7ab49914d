/**
 * @module Raises an alert, or refreshes the one already firing under the same `rule_key`
 * (de-duplication). One transaction: the alert (insert-or-nothing against the partial unique
 * index, so two processes raising at once make one alert), the audit row, and — when the
 * component's `alert_policy` is `auto` — an `investigating` incident with generated German and
 * English text (or a link to the incident already open on the component).
 */

import type { AlertSource } from '#src/adapters/store/schema/alerts.ts';
import type { Bilingual } from '#src/domain/catalog.ts';
import type { Severity } from '#src/domain/detectors/rules.ts';
import {
  type AlertEvidence,
  alertTitle,
  describeEvidence,
  incidentTextFromAlert,
} from '#src/domain/detectors/text.ts';
import { notFound } from '#src/domain/errors.ts';
import type { ServiceContext, Tx } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { insertIncident, prepareIncident } from './incident-declaration.ts';
import { writeAudit } from './write-audit.ts';

export interface RaiseAlertInput {
  componentId: string;
  source: AlertSource;
  ruleKey: string;
  severity: Severity;
  evidence: AlertEvidence;
  /** Name of the peer, monitor or service the alert is about (the component's when null). */
  sourceName: Bilingual | null;
  peerId?: string | null;
  monitorId?: string | null;
  /** Zone of the times in a generated incident text (the installation's default zone). */
  timeZone: string;
}

export interface RaiseAlertResult {
  id: string;
  created: boolean;
  incidentId: string | null;
}

export async function raiseAlert({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: RaiseAlertInput;
}): Promise<RaiseAlertResult> {
  const now = ctx.clock().toISOString();
  const evidence = JSON.stringify(input.evidence);
  return ctx.db.transaction().execute(async (trx) => {
    const refreshed = await refresh(trx, input, evidence, now);
    if (refreshed) return { id: refreshed.id, created: false, incidentId: refreshed.incident_id };
    const component = await trx
      .selectFrom('components')
      .select(['id', 'name_de', 'name_en', 'alert_policy'])
      .where('id', '=', input.componentId)
      .executeTakeFirst();
    // Removed from the catalog meanwhile: the caller counts it (Alertmanager) or logs it (the loop).
    if (!component) throw notFound('component', input.componentId);
    const name = { de: component.name_de, en: component.name_en };
    const title = alertTitle(input.evidence, { component: name, source: input.sourceName });
    const id = ctx.newId();
    const inserted = await trx
      .insertInto('alerts')
      .values({
        id,
        component_id: input.componentId,
        source: input.source,
        rule_key: input.ruleKey,
        state: 'firing',
        severity: input.severity,
        title_de: title.de,
        title_en: title.en,
        evidence,
        peer_id: input.peerId ?? null,
        monitor_id: input.monitorId ?? null,
        started_at: now,
        last_evaluated_at: now,
        resolved_at: null,
        incident_id: null,
        decision: 'pending',
      })
      // No conflict target: the only unique rule an insert of a fresh id can meet is the partial
      // index on firing rule keys (SQLite cannot match a bound `where` to that index's predicate).
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // Another process raised it between our refresh and insert: theirs stands.
      const theirs = await refresh(trx, input, evidence, now);
      return { id: theirs?.id ?? id, created: false, incidentId: theirs?.incident_id ?? null };
    }
    await writeAudit(trx, ctx, {
      action: 'alert.raise',
      subjectType: 'alert',
      subjectId: id,
      detail: {
        ruleKey: input.ruleKey,
        componentId: input.componentId,
        severity: input.severity,
        title: title.en,
      },
    });
    // Operator channels hear of it in the same transaction: no alert without its message.
    await enqueueNotifications(trx, ctx, {
      event: 'alert.fired',
      alertId: id,
      title,
      detail: {
        de: describeEvidence(input.evidence, 'de', input.timeZone),
        en: describeEvidence(input.evidence, 'en', input.timeZone),
      },
      path: `/console/alerts/${id}`,
      at: now,
    });
    const incidentId =
      component.alert_policy === 'auto'
        ? await openIncidentByPolicy(trx, ctx, { id, input, name, startedAt: now })
        : null;
    return { id, created: true, incidentId };
  });
}

/** Updates the firing alert of the key with the latest evidence; null when none fires. */
async function refresh(trx: Tx, input: RaiseAlertInput, evidence: string, now: string) {
  return trx
    .updateTable('alerts')
    .set({ evidence, severity: input.severity, last_evaluated_at: now })
    .where('rule_key', '=', input.ruleKey)
    .where('state', '=', 'firing')
    .returning(['id', 'incident_id'])
    .executeTakeFirst();
}

/** Component status an alert's severity gives in an incident opened by policy. */
export const statusForSeverity = (s: Severity) => (s === 'critical' ? 'major_outage' : 'partial_outage');

/**
 * `auto` policy: link to the incident already open on the component (one outage, one incident,
 * however many detectors see it), or declare one in this transaction.
 */
async function openIncidentByPolicy(
  trx: Tx,
  ctx: ServiceContext,
  a: { id: string; input: RaiseAlertInput; name: Bilingual; startedAt: string },
): Promise<string> {
  const open = await trx
    .selectFrom('incident_components')
    .innerJoin('incidents', 'incidents.id', 'incident_components.incident_id')
    .select('incidents.id')
    .where('incident_components.component_id', '=', a.input.componentId)
    .where('incidents.resolved_at', 'is', null)
    .orderBy('incidents.created_at', 'desc')
    .executeTakeFirst();
  let incidentId = open?.id;
  if (!incidentId) {
    const text = incidentTextFromAlert(
      a.input.evidence,
      { component: a.name, source: a.input.sourceName },
      a.startedAt,
      a.input.timeZone,
    );
    const prepared = await prepareIncident(
      { ...ctx, db: trx },
      {
        title: text.title,
        message: text.message,
        status: 'investigating',
        components: [{ componentId: a.input.componentId, status: statusForSeverity(a.input.severity) }],
      },
    );
    incidentId = (await insertIncident(trx, ctx, prepared)).id;
  }
  await trx
    .updateTable('alerts')
    .set({ incident_id: incidentId, decision: 'auto', decided_by: ctx.actor.label, decided_at: a.startedAt })
    .where('id', '=', a.id)
    .execute();
  await writeAudit(trx, ctx, {
    action: open ? 'alert.link' : 'alert.declare_auto',
    subjectType: 'alert',
    subjectId: a.id,
    detail: { incidentId },
  });
  return incidentId;
}
