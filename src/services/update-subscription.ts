/**
 * @module updateSubscription: the subscriber changes language and components on the page behind
 * their manage link (the routes verify the link's token first, see unsubscribe-link.ts).
 */
import { validationError } from '#src/domain/errors.ts';
import { parseSubscription } from '#src/domain/subscription.ts';
import type { ServiceContext } from './context.ts';
import { getSubscription } from './get-subscription.ts';

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
