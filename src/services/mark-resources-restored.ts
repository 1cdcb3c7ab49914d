/**
 * @module Marks affected resources of an incident restored (or takes the mark back): those listed
 * (numbers, trunk or line identifiers as in the inventory), all on one affected component, or
 * all. Only resources on the incident's affected components count; a listed value that is not
 * among them refuses the whole list, naming the values, and nothing is written. Marking twice
 * changes nothing (the pair incident/resource is the key). One transaction with the audit row.
 *
 * @example
 * await markResourcesRestored({ ctx, input: { incidentId, scope: { kind: 'values', values: ['+493551234567'] } } })
 * // → { changed: 1, selected: 1 }
 */
import { type FieldError, validationError } from '#src/domain/errors.ts';
import { normalizeE164, normalizeIdentifier } from '#src/domain/inventory.ts';
import { toE164 } from '#src/domain/report.ts';
import type { ServiceContext, Tx } from './context.ts';
import { loadAffectedComponentsOf } from './load-affected-components.ts';
import { writeAudit } from './write-audit.ts';

export type RestorationScope =
  | { kind: 'values'; values: readonly string[] }
  | { kind: 'component'; componentId: string }
  | { kind: 'all' };

const chunk = 500;
const maxValues = 100_000;

export async function markResourcesRestored({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { incidentId: string; scope: RestorationScope; restored?: boolean };
}): Promise<{ changed: number; selected: number }> {
  const restored = input.restored ?? true;
  return ctx.db.transaction().execute(async (trx) => {
    const affected = [...(await loadAffectedComponentsOf(trx, input.incidentId))];
    const resourceIds = await selectResources(trx, affected, input.scope);
    const now = ctx.clock().toISOString();
    let changed = 0;
    for (let i = 0; i < resourceIds.length; i += chunk) {
      const part = resourceIds.slice(i, i + chunk);
      if (restored) {
        const r = await trx
          .insertInto('resource_restorations')
          .values(
            part.map((resource_id) => ({
              incident_id: input.incidentId,
              resource_id,
              restored_at: now,
              restored_by: ctx.actor.label,
            })),
          )
          .onConflict((oc) => oc.columns(['incident_id', 'resource_id']).doNothing())
          .executeTakeFirst();
        changed += Number(r.numInsertedOrUpdatedRows ?? 0);
      } else {
        const r = await trx
          .deleteFrom('resource_restorations')
          .where('incident_id', '=', input.incidentId)
          .where('resource_id', 'in', part)
          .executeTakeFirst();
        changed += Number(r.numDeletedRows);
      }
    }
    await writeAudit(trx, ctx, {
      action: restored ? 'incident.resources_restored' : 'incident.resources_unrestored',
      subjectType: 'incident',
      subjectId: input.incidentId,
      detail: {
        scope: input.scope.kind,
        ...(input.scope.kind === 'component' ? { componentId: input.scope.componentId } : {}),
        selected: resourceIds.length,
        changed,
      },
    });
    return { changed, selected: resourceIds.length };
  });
}

/** Resources on the affected components, optionally on one component or with one of the given values. */
function resourcesOn(trx: Tx, affected: string[]) {
  return trx
    .selectFrom('resource_components as rc')
    .innerJoin('resources as r', 'r.id', 'rc.resource_id')
    .where('rc.component_id', 'in', affected)
    .select(['r.id', 'r.value'])
    .distinct();
}

async function selectResources(trx: Tx, affected: string[], scope: RestorationScope): Promise<string[]> {
  if (scope.kind === 'component' && !affected.includes(scope.componentId)) {
    throw validationError([
      {
        path: 'componentId',
        key: 'restoration.error.componentNotAffected',
        params: { id: scope.componentId },
      },
    ]);
  }
  if (scope.kind === 'values') return selectListed(trx, affected, scope.values);
  if (affected.length === 0) return [];
  const q = resourcesOn(trx, affected);
  const rows = await (scope.kind === 'component'
    ? q.where('rc.component_id', '=', scope.componentId)
    : q
  ).execute();
  return [...new Set(rows.map((r) => r.id))];
}

/** Listed values, compared as the inventory stores them: numbers in E.164, others without case and spaces. */
async function selectListed(trx: Tx, affected: string[], values: readonly string[]): Promise<string[]> {
  const errors: FieldError[] = [];
  if (values.length === 0) errors.push({ path: 'values', key: 'restoration.error.emptyList' });
  if (values.length > maxValues) {
    errors.push({ path: 'values', key: 'restoration.error.tooMany', params: { max: maxValues } });
  }
  if (errors.length) throw validationError(errors);
  const keyOf = (v: string) => normalizeE164(v) ?? toE164(v) ?? normalizeIdentifier(v);
  const wanted = new Map(values.map((v) => [keyOf(v), v]));
  const found = new Map<string, string>();
  const keys = [...wanted.keys()];
  for (let i = 0; affected.length > 0 && i < keys.length; i += chunk) {
    const part = keys.slice(i, i + chunk);
    // Numbers are stored in E.164 (exact match); other identifiers compare without case.
    const rows = await resourcesOn(trx, affected)
      .where((eb) => eb.or([eb('r.value', 'in', part), eb(eb.fn('lower', ['r.value']), 'in', part)]))
      .execute();
    for (const r of rows) found.set(keyOf(r.value), r.id);
  }
  const missing = keys.filter((k) => !found.has(k)).map((k) => wanted.get(k)!);
  if (missing.length > 0) {
    throw validationError([
      {
        path: 'values',
        key: 'restoration.error.notAffected',
        params: { count: missing.length, list: missing.slice(0, 10).join(', ') },
      },
    ]);
  }
  return [...new Set(found.values())];
}
