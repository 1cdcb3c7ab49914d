/**
 * @module Builds the notice of a subscription message (confirmation, already subscribed, test)
 * and queues it through the outbox in the caller's transaction.
 */
import type { SubscriberTable } from '#src/adapters/store/schema/subscribers.ts';
import type { SubscriptionNotice } from '#src/domain/subscription-text.ts';
import type { ServiceContext, Tx } from './context.ts';
import { enqueueNotifications } from './enqueue-notifications.ts';
import { unsubscribeLink } from './unsubscribe-link.ts';

export interface SubscriptionLinks {
  /** Without a trailing slash. */
  publicUrl: string;
  pageName: string;
}

type Row = Pick<SubscriberTable, 'id' | 'kind' | 'address' | 'locale' | 'scope'>;

export async function queueSubscriptionMessage(
  trx: Tx,
  ctx: ServiceContext,
  row: Row,
  links: SubscriptionLinks,
  message:
    | { event: 'subscriber.confirm'; confirmPath: string | null; code: string | null; expiresAt: string }
    | { event: 'subscriber.already' | 'subscriber.test' },
): Promise<void> {
  const components =
    row.scope === 'components'
      ? await trx
          .selectFrom('subscriber_components as sc')
          .innerJoin('components as c', 'c.id', 'sc.component_id')
          .select(['c.name_de', 'c.name_en'])
          .where('sc.subscriber_id', '=', row.id)
          .orderBy('c.position')
          .orderBy('c.id')
          .execute()
      : [];
  const confirm = message.event === 'subscriber.confirm' ? message : null;
  const notice: SubscriptionNotice = {
    type: 'subscription',
    event: message.event,
    subscriberId: row.id,
    kind: row.kind,
    scope: row.scope,
    components: components.map((c) => ({ de: c.name_de, en: c.name_en })),
    confirmUrl: confirm?.confirmPath ? `${links.publicUrl}${confirm.confirmPath}` : null,
    code: confirm?.code ?? null,
    expiresAt: confirm?.expiresAt ?? null,
    manageUrl:
      message.event === 'subscriber.confirm' ? null : await unsubscribeLink(trx, links.publicUrl, row.id),
    pageName: links.pageName,
  };
  await enqueueNotifications(trx, ctx, {
    event: message.event,
    notice,
    subscriber: { id: row.id, kind: row.kind, address: row.address, locale: row.locale },
    nonce: ctx.newId(),
  });
}
