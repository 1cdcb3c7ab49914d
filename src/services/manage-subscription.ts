/**
 * @module What the subscriber does on the page behind their manage link: read the subscription,
 * change language and components, end it, send a test event to a webhook. The link's token is the
 * credential (see unsubscribe-link.ts); the routes verify it before calling these.
 */
import { validationError } from '#src/domain/errors.ts';
import { parseSubscription } from '#src/domain/subscription.ts';
import type { ServiceContext } from './context.ts';
import { queueSubscriptionMessage, type SubscriptionLinks } from './subscription-notice.ts';

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

export async function updateSubscription({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { subscriberId: string; locale?: string; scope?: string; components?: string[] };
}): Promise<boolean> {
  const known = await ctx.db.selectFrom('components').select('id').execute();
  const current = await getSubscription(ctx.db, input.subscriberId);
  if (!current || current.state === 'unsubscribed') return false;
  const parsed = parseSubscription(
    { kind: current.kind, address: current.address, ...input },
    [current.kind],
    new Set(known.map((c) => c.id)),
  );
  if (!parsed.ok) throw validationError(parsed.fields);
  const { locale, scope, componentIds } = parsed.value;
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('subscribers')
      .set({ locale, scope, updated_at: ctx.clock().toISOString() })
      .where('id', '=', current.id)
      .where('state', '!=', 'unsubscribed')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await trx.deleteFrom('subscriber_components').where('subscriber_id', '=', current.id).execute();
    if (componentIds.length > 0) {
      await trx
        .insertInto('subscriber_components')
        .values(componentIds.map((componentId) => ({ subscriber_id: current.id, component_id: componentId })))
        .execute();
    }
    return true;
  });
}

/** Ends a subscription; true also when it had already ended (one-click unsubscribe may repeat). */
export async function unsubscribe({ ctx, input }: { ctx: ServiceContext; input: { subscriberId: string } }) {
  const now = ctx.clock().toISOString();
  await ctx.db
    .updateTable('subscribers')
    .set({
      state: 'unsubscribed',
      unsubscribed_at: now,
      updated_at: now,
      confirm_hash: null,
      confirm_expires_at: null,
    })
    .where('id', '=', input.subscriberId)
    .where('state', '!=', 'unsubscribed')
    .execute();
  const row = await ctx.db
    .selectFrom('subscribers')
    .select('id')
    .where('id', '=', input.subscriberId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Queues a test event to a confirmed subscriber (webhook owners check their receiver with it). */
export async function sendSubscriptionTest({
  ctx,
  input,
  options,
}: {
  ctx: ServiceContext;
  input: { subscriberId: string };
  options: SubscriptionLinks;
}): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('subscribers')
      .select(['id', 'kind', 'address', 'locale', 'scope'])
      .where('id', '=', input.subscriberId)
      .where('state', '=', 'confirmed')
      .executeTakeFirst();
    if (!row) return false;
    await queueSubscriptionMessage(trx, ctx, row, options, { event: 'subscriber.test' });
    return true;
  });
}
