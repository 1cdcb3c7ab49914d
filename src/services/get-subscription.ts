/**
 * @module getSubscription: a subscription as the subscriber sees it on the page behind their
 * manage link. The link's token is the credential (see unsubscribe-link.ts); the routes verify it
 * before calling this.
 */
import type { ServiceContext } from './context.ts';

export interface SubscriptionView {
  id: string;
  kind: 'email' | 'sms' | 'webhook';
  address: string;
  locale: 'de' | 'en';
  scope: 'all' | 'components';
  state: 'pending' | 'confirmed' | 'unsubscribed';
  componentIds: string[];
}

export async function getSubscription(
  db: ServiceContext['db'],
  id: string,
): Promise<SubscriptionView | null> {
  const row = await db
    .selectFrom('subscribers')
    .select(['id', 'kind', 'address', 'locale', 'scope', 'state'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const components = await db
    .selectFrom('subscriber_components')
    .select('component_id')
    .where('subscriber_id', '=', id)
    .orderBy('component_id')
    .execute();
  return { ...row, componentIds: components.map((c) => c.component_id) };
}
