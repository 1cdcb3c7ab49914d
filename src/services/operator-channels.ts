/**
 * @module Operator channels (console, admins): list without credentials, create or edit (one
 * transaction with the audit row; credentials merged over the stored ones, never returned; a new
 * generic webhook gets its `whsec_` signing secret, returned this once), remove.
 */
import { DialtoneError, validationError } from '#src/domain/errors.ts';
import {
  type OperatorChannelForm,
  type OperatorChannelKind,
  parseOperatorChannel,
} from '#src/domain/subscription-channel.ts';
import type { ServiceContext, Tx } from './context.ts';
import { writeAudit } from './write-audit.ts';

export interface OperatorChannelView {
  id: string;
  kind: OperatorChannelKind;
  name: string;
  /** Scheme and host only: the full URL of a chat webhook is a credential. */
  host: string;
  events: string[];
  locale: 'de' | 'en';
  enabled: boolean;
  /** Non-secret settings to prefill the edit form (room, chat id). */
  room: string;
  chatId: string;
}

const parseObject = (s: string): Record<string, string> => {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
};
const parseList = (s: string): string[] => {
  try {
    const v = JSON.parse(s) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};
const hostOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};

export async function listOperatorChannels(db: Tx): Promise<OperatorChannelView[]> {
  const rows = await db.selectFrom('operator_channels').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map((r) => {
    const settings = parseObject(r.settings);
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      host: hostOf(r.url),
      events: parseList(r.events),
      locale: r.locale,
      enabled: r.enabled === 1,
      room: settings.room ?? '',
      chatId: settings.chatId ?? '',
    };
  });
}

/** The stored row with its credentials, for sending a test message. */
export async function loadOperatorChannel(db: Tx, id: string) {
  const row = await db.selectFrom('operator_channels').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, settings: parseObject(row.settings) } : null;
}

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

export async function deleteOperatorChannel({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('operator_channels')
      .where('id', '=', input.id)
      .returning(['kind', 'name'])
      .executeTakeFirst();
    if (!gone) throw new DialtoneError('not_found', 'subscribers.channels.notFound');
    await writeAudit(trx, ctx, {
      action: 'operator_channel.deleted',
      subjectType: 'operator_channel',
      subjectId: input.id,
      detail: gone,
    });
  });
}
