/**
 * @module Re-derives every component's status from open incidents and running maintenance and
 * records changes as status intervals (close the old stretch, open a new one). Called inside the
 * transaction of every state change, so history and state never disagree.
 */
import { sql } from 'kysely';
import type { ComponentStatus } from '#src/domain/status.ts';
import type { ServiceContext, Tx } from './context.ts';
import { loadDerivedStatuses } from './load-derived-statuses.ts';

/** Arbitrary constant key for the PostgreSQL advisory lock that serialises status refreshes. */
const statusLockKey = 7_410_001;

export async function refreshComponentStatus(
  trx: Tx,
  ctx: Pick<ServiceContext, 'clock' | 'newId' | 'dialect'>,
) {
  if (ctx.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${statusLockKey})`.execute(trx);
  const derived = await loadDerivedStatuses(trx);
  const open = await trx.selectFrom('status_intervals').selectAll().where('ended_at', 'is', null).execute();
  const openByComponent = new Map(open.map((o) => [o.component_id, o]));
  const now = ctx.clock().toISOString();
  const changed: { componentId: string; from: string | null; to: ComponentStatus }[] = [];
  for (const [componentId, d] of derived) {
    const current = openByComponent.get(componentId);
    if (current?.status === d.status) continue;
    if (current) {
      await trx.updateTable('status_intervals').set({ ended_at: now }).where('id', '=', current.id).execute();
    }
    await trx
      .insertInto('status_intervals')
      .values({
        id: ctx.newId(),
        component_id: componentId,
        status: d.status,
        started_at: now,
        ended_at: null,
      })
      .execute();
    changed.push({ componentId, from: current?.status ?? null, to: d.status });
  }
  return { derived, changed };
}
