/**
 * @module A reporter's status page subscriptions under the same email address, for the admin's
 * export and erasure of one person's data (DATA-PROTECTION.md): the person asking for their data
 * means all of it, not only their reports. Not a verb: read and delete helpers the two verbs share.
 */
import type { Tx } from './context.ts';

export interface ReporterSubscription {
  kind: string;
  address: string;
  locale: string;
  scope: string;
  state: string;
  components: string[];
  createdAt: string;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
}

export async function findReporterSubscriptions(trx: Tx, email: string): Promise<ReporterSubscription[]> {
  const rows = await trx
    .selectFrom('subscribers')
    .select([
      'id',
      'kind',
      'address',
      'locale',
      'scope',
      'state',
      'created_at',
      'confirmed_at',
      'unsubscribed_at',
    ])
    .where('kind', '=', 'email')
    .where('address', '=', email)
    .execute();
  if (rows.length === 0) return [];
  const links = await trx
    .selectFrom('subscriber_components')
    .select(['subscriber_id', 'component_id'])
    .where(
      'subscriber_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    address: r.address,
    locale: r.locale,
    scope: r.scope,
    state: r.state,
    components: links
      .filter((l) => l.subscriber_id === r.id)
      .map((l) => l.component_id)
      .sort(),
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    unsubscribedAt: r.unsubscribed_at,
  }));
}

/**
 * Deletes the subscriptions and the messages to the address still in the outbox (sent or not:
 * they hold the address). The opt-out from messages about outages is kept on purpose: it is the
 * person's standing wish, and deleting it would start those messages again.
 */
export async function deleteReporterSubscriptions(trx: Tx, email: string): Promise<number> {
  const subs = await trx
    .selectFrom('subscribers')
    .select('id')
    .where('kind', '=', 'email')
    .where('address', '=', email)
    .execute();
  const ids = subs.map((s) => s.id);
  // Messages first: they may refer to the subscriber.
  await trx.deleteFrom('notifications').where('kind', '=', 'email').where('recipient', '=', email).execute();
  if (ids.length > 0) {
    await trx.deleteFrom('subscriber_components').where('subscriber_id', 'in', ids).execute();
    await trx.deleteFrom('subscribers').where('id', 'in', ids).execute();
  }
  return ids.length;
}
