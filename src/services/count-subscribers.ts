/**
 * @module countSubscribers: the console's subscriber counts by channel and state.
 */
import type { Tx } from './context.ts';

export interface SubscriberCount {
  kind: string;
  state: string;
  count: number;
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
