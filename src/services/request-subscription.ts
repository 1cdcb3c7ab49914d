/**
 * @module Someone asks to subscribe on the status page. The answer must not tell whether the
 * address is already subscribed, so every path does the same kind of work and the caller shows
 * the same page: a new, pending or unsubscribed address gets a fresh confirmation (email link or
 * webhook link valid 48 h, SMS code valid 30 min; the request's settings replace the pending
 * ones); a confirmed address keeps its settings and gets an "already subscribed — manage here"
 * message instead. One transaction: the row and its outbox message exist together or not at all.
 */
import { createHash, randomInt } from 'node:crypto';
import { DialtoneError, validationError } from '#src/domain/errors.ts';
import {
  confirmLinkHours,
  parseSubscription,
  type SubscriberKind,
  type SubscriptionForm,
  type SubscriptionRequest,
  smsCodeMinutes,
} from '#src/domain/subscription.ts';
import type { ServiceContext, Tx } from './context.ts';
import { newToken } from './secrets.ts';
import { queueSubscriptionMessage, type SubscriptionLinks } from './subscription-notice.ts';
import { codeHash, subscriptionKey } from './unsubscribe-link.ts';

export interface RequestSubscriptionOptions extends SubscriptionLinks {
  /** Channels this deployment offers (SMS only with a gateway). */
  offered: readonly SubscriberKind[];
  /** The SSRF guard for webhook URLs: a refusal reason, or null when the URL may be used. */
  checkWebhookUrl: (url: string) => Promise<string | null>;
  /** Makes the webhook signing secret (`whsec_…`). */
  newWebhookSecret: () => string;
}

export const confirmTokenHash = (token: string): string =>
  createHash('sha256').update(`confirm:${token}`).digest('hex');

export async function requestSubscription({
  ctx,
  input,
  options,
}: {
  ctx: ServiceContext;
  input: SubscriptionForm;
  options: RequestSubscriptionOptions;
}): Promise<{ kind: SubscriberKind; address: string }> {
  const known = await ctx.db.selectFrom('components').select('id').execute();
  const parsed = parseSubscription(input, options.offered, new Set(known.map((c) => c.id)));
  if (!parsed.ok) throw validationError(parsed.fields);
  const request = parsed.value;
  if (request.kind === 'webhook') {
    const refused = await options.checkWebhookUrl(request.address);
    if (refused) {
      throw validationError([
        { path: 'address', key: 'subscribers.error.urlRefused', params: { reason: refused } },
      ]);
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock();
    await trx
      .insertInto('subscribers')
      .values({
        id: ctx.newId(),
        kind: request.kind,
        address: request.address,
        locale: request.locale,
        scope: request.scope,
        state: 'pending',
        confirm_hash: null,
        confirm_expires_at: null,
        confirm_failures: 0,
        secret: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        confirmed_at: null,
        unsubscribed_at: null,
      })
      .onConflict((oc) => oc.columns(['kind', 'address']).doNothing())
      .execute();
    const row = await trx
      .selectFrom('subscribers')
      .select(['id', 'kind', 'address', 'locale', 'scope', 'state'])
      .where('kind', '=', request.kind)
      .where('address', '=', request.address)
      .executeTakeFirst();
    if (!row) throw new DialtoneError('conflict', 'error.conflict');
    if (row.state === 'confirmed') {
      await queueSubscriptionMessage(trx, ctx, row, options, { event: 'subscriber.already' });
      return;
    }
    await startConfirmation(trx, ctx, row.id, request, options);
  });
  return { kind: request.kind, address: request.address };
}

async function startConfirmation(
  trx: Tx,
  ctx: ServiceContext,
  id: string,
  request: SubscriptionRequest,
  options: RequestSubscriptionOptions,
): Promise<void> {
  const now = ctx.clock();
  const sms = request.kind === 'sms';
  const code = sms ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null;
  const token = sms ? null : `${id}.${newToken()}`;
  const expiresAt = new Date(now.getTime() + (sms ? smsCodeMinutes * 60_000 : confirmLinkHours * 3_600_000));
  const hash = code ? codeHash(await subscriptionKey(trx), id, code) : confirmTokenHash(token ?? '');
  await trx
    .updateTable('subscribers')
    .set({
      state: 'pending',
      locale: request.locale,
      scope: request.scope,
      confirm_hash: hash,
      confirm_expires_at: expiresAt.toISOString(),
      confirm_failures: 0,
      secret: request.kind === 'webhook' ? options.newWebhookSecret() : null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('state', '!=', 'confirmed')
    .execute();
  await trx.deleteFrom('subscriber_components').where('subscriber_id', '=', id).execute();
  if (request.componentIds.length > 0) {
    await trx
      .insertInto('subscriber_components')
      .values(request.componentIds.map((componentId) => ({ subscriber_id: id, component_id: componentId })))
      .execute();
  }
  const row = {
    id,
    kind: request.kind,
    address: request.address,
    locale: request.locale,
    scope: request.scope,
  };
  await queueSubscriptionMessage(trx, ctx, row, options, {
    event: 'subscriber.confirm',
    confirmPath: token ? `/subscribe/confirm/${token}` : null,
    code,
    expiresAt: expiresAt.toISOString(),
  });
}
