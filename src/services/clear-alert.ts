/**
 * @module Clears the firing alert of a `rule_key` once its detector has seen enough good
 * evaluations: conditional on it still firing (two processes clearing at once: one wins), with
 * the audit row in the same transaction. A linked incident is left open — the console proposes
 * resolving it — unless the component's `resolve_policy` is `auto` and no other alert of that
 * incident still fires; then it is resolved with a generated German and English text.
 */
import { isDialtoneError } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { resolveIncident } from './resolve-incident.ts';
import { writeAudit } from './write-audit.ts';

export interface ClearAlertResult {
  /** The alert cleared; null when none was firing under the key. */
  id: string | null;
  /** The incident resolved by policy, if any. */
  resolvedIncidentId: string | null;
}

export async function clearAlert({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { ruleKey: string; evidence?: unknown };
}): Promise<ClearAlertResult> {
  const now = ctx.clock().toISOString();
  const cleared = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('alerts')
      .set({
        state: 'resolved',
        resolved_at: now,
        last_evaluated_at: now,
        ...(input.evidence === undefined ? {} : { evidence: JSON.stringify(input.evidence) }),
      })
      .where('rule_key', '=', input.ruleKey)
      .where('state', '=', 'firing')
      .returning(['id', 'incident_id', 'component_id', 'title_de', 'title_en'])
      .executeTakeFirst();
    if (!row) return null;
    await writeAudit(trx, ctx, {
      action: 'alert.clear',
      subjectType: 'alert',
      subjectId: row.id,
      detail: { ruleKey: input.ruleKey },
    });
    await enqueueNotifications(trx, ctx, {
      event: 'alert.resolved',
      alertId: row.id,
      title: { de: row.title_de, en: row.title_en },
      detail: {
        de: 'Die Überwachung misst wieder normale Werte.',
        en: 'Monitoring measures normal values again.',
      },
      path: `/console/alerts/${row.id}`,
      at: now,
    });
    return row;
  });
  if (!cleared) return { id: null, resolvedIncidentId: null };
  const resolvedIncidentId = cleared.incident_id ? await resolveByPolicy(ctx, cleared.incident_id) : null;
  return { id: cleared.id, resolvedIncidentId };
}

/**
 * Resolves the incident when every component it affects says `resolve_policy: auto` and none of
 * its alerts fires any more. A separate transaction after the clear: if an operator resolved it
 * meanwhile, their resolution stands and this one is dropped.
 */
async function resolveByPolicy(ctx: ServiceContext, incidentId: string): Promise<string | null> {
  const incident = await ctx.db
    .selectFrom('incidents')
    .select(['id', 'resolved_at'])
    .where('id', '=', incidentId)
    .executeTakeFirst();
  if (!incident || incident.resolved_at !== null) return null;
  const policies = await ctx.db
    .selectFrom('incident_components')
    .innerJoin('components', 'components.id', 'incident_components.component_id')
    .select('components.resolve_policy')
    .where('incident_components.incident_id', '=', incidentId)
    .execute();
  if (policies.length === 0 || policies.some((p) => p.resolve_policy !== 'auto')) return null;
  const stillFiring = await ctx.db
    .selectFrom('alerts')
    .select('id')
    .where('incident_id', '=', incidentId)
    .where('state', '=', 'firing')
    .executeTakeFirst();
  if (stillFiring) return null;
  try {
    await resolveIncident({
      ctx,
      input: {
        incidentId,
        message: {
          de: 'Unsere Überwachung misst wieder normale Werte. Die Störung ist behoben.',
          en: 'Our monitoring measures normal values again. The disruption is resolved.',
        },
      },
    });
    return incidentId;
  } catch (err) {
    if (isDialtoneError(err) && err.code === 'invalid_transition') return null;
    throw err;
  }
}
