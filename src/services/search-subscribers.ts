/**
 * @module searchSubscribers: the console's search of subscribers by address.
 */
import { sql } from 'kysely';
import type { Tx } from './context.ts';

export interface SubscriberRow {
  id: string;
  kind: string;
  address: string;
  state: string;
  scope: string;
  components: number;
  createdAt: string;
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
