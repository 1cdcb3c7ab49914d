/**
 * @module saveOperatorChannel: create or edit an operator channel (console, admins) in one
 * transaction with the audit row; credentials merged over the stored ones, never returned; a new
 * generic webhook gets its `whsec_` signing secret, returned this once.
 */
import { DialtoneError, validationError } from '#src/domain/errors.ts';
import { type OperatorChannelForm, parseOperatorChannel } from '#src/domain/subscription-channel.ts';
import type { ServiceContext } from './context.ts';
import { loadOperatorChannel } from './load-operator-channel.ts';
import { writeAudit } from './write-audit.ts';

export interface SaveOperatorChannelOptions {
  /** The SSRF guard: a refusal reason, or null when the URL may be used. */
  checkUrl: (url: string) => Promise<string | null>;
  newWebhookSecret: () => string;
}

export async function saveOperatorChannel({
  ctx,
  input,
  options,
}: {
  ctx: ServiceContext;
  input: { id?: string | undefined; form: OperatorChannelForm };
  options: SaveOperatorChannelOptions;
}): Promise<{ id: string; signingSecret: string | null }> {
  const existing = input.id ? await loadOperatorChannel(ctx.db, input.id) : null;
  if (input.id && !existing) throw new DialtoneError('not_found', 'subscribers.channels.notFound');
  const parsed = parseOperatorChannel(input.form, existing);
  if (!parsed.ok) throw validationError(parsed.fields);
  const draft = parsed.value;
  if (draft.url) {
    const refused = await options.checkUrl(draft.url);
    if (refused)
      throw validationError([
        { path: 'url', key: 'subscribers.error.urlRefused', params: { reason: refused } },
      ]);
  }
  const now = ctx.clock().toISOString();
  const signingSecret = !existing && draft.kind === 'webhook' ? options.newWebhookSecret() : null;
  const settings = {
    ...(existing?.settings ?? {}),
    ...draft.settings,
    ...(signingSecret ? { secret: signingSecret } : {}),
  };
  const audit = { kind: draft.kind, name: draft.name, events: draft.events, enabled: draft.enabled };
  return ctx.db.transaction().execute(async (trx) => {
    if (!existing) {
      const id = ctx.newId();
      await trx
        .insertInto('operator_channels')
        .values({
          id,
          kind: draft.kind,
          name: draft.name,
          url: draft.url ?? '',
          settings: JSON.stringify(settings),
          events: JSON.stringify(draft.events),
          locale: draft.locale,
          enabled: draft.enabled ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await writeAudit(trx, ctx, {
        action: 'operator_channel.created',
        subjectType: 'operator_channel',
        subjectId: id,
        detail: audit,
      });
      return { id, signingSecret };
    }
    const updated = await trx
      .updateTable('operator_channels')
      .set({
        name: draft.name,
        ...(draft.url ? { url: draft.url } : {}),
        settings: JSON.stringify(settings),
        events: JSON.stringify(draft.events),
        locale: draft.locale,
        enabled: draft.enabled ? 1 : 0,
        updated_at: now,
      })
      .where('id', '=', existing.id)
      .where('updated_at', '=', existing.updated_at)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new DialtoneError('conflict', 'error.conflict');
    await writeAudit(trx, ctx, {
      action: 'operator_channel.updated',
      subjectType: 'operator_channel',
      subjectId: existing.id,
      detail: audit,
    });
    return { id: existing.id, signingSecret: null };
  });
}
