/**
 * @module The console's view of subscribers (operators): counts by channel and state, a search by
 * address, and removal (with the audit row; the address itself stays out of the audit log).
 */
import { sql } from 'kysely';
import { DialtoneError } from '#src/domain/errors.ts';
import type { ServiceContext, Tx } from './context.ts';
import { writeAudit } from './write-audit.ts';

export interface SubscriberCount {
  kind: string;
  state: string;
  count: number;
}

export interface SubscriberRow {
  id: string;
  kind: string;
  address: string;
  state: string;
  scope: string;
  components: number;
  createdAt: string;
}

export async function countSubscribers(db: Tx): Promise<SubscriberCount[]> {
  const rows = await db
    .selectFrom('subscribers')
    .select(['kind', 'state', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy(['kind', 'state'])
    .orderBy('kind')
    .orderBy('state')
    .execute();
  return rows.map((r) => ({ kind: r.kind, state: r.state, count: Number(r.n) }));
}

/** Addresses containing `query` (case-insensitive), newest first, at most `limit`. */
export async function searchSubscribers(db: Tx, query: string, limit = 100): Promise<SubscriberRow[]> {
  const q = query.trim().toLowerCase().slice(0, 200);
  // LIKE wildcards in the query are matched literally.
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('subscribers as s')
    .select((eb) => [
      's.id',
      's.kind',
      's.address',
      's.state',
      's.scope',
      's.created_at',
      eb
        .selectFrom('subscriber_components as sc')
        .select((e) => e.fn.countAll<string | number>().as('c'))
        .whereRef('sc.subscriber_id', '=', 's.id')
        .as('components'),
    ])
    .$if(q !== '', (qb) => qb.where(sql<boolean>`lower(s.address) like ${pattern} escape '\\'`))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    address: r.address,
    state: r.state,
    scope: r.scope,
    components: Number(r.components ?? 0),
    createdAt: r.created_at,
  }));
}

export async function removeSubscriber({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('subscribers')
      .where('id', '=', input.id)
      .returning(['kind', 'state'])
      .executeTakeFirst();
    if (!gone) throw new DialtoneError('not_found', 'subscribers.console.notFound');
    await writeAudit(trx, ctx, {
      action: 'subscriber.removed',
      subjectType: 'subscriber',
      subjectId: input.id,
      detail: gone,
    });
  });
}
