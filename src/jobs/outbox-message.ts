/**
 * @module Turns claimed outbox rows into the messages channels send: the words rendered now (with
 * the deployment's public URL and time zone), the one-click unsubscribe headers for subscribers
 * (RFC 8058), the webhook body (Standard Webhooks envelope), and the settings of the subscriber's
 * webhook or the operator channel.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChannelKind, OutboundMessage } from '#src/adapters/channels/channel.ts';
import type { Database } from '#src/adapters/store/schema.ts';
import type { Notice } from '#src/domain/notification-notice.ts';
import {
  escapeHtml,
  type RenderedNotification,
  type RenderSettings,
  renderNotification,
} from '#src/domain/notification-text.ts';
import { optOutLink } from '#src/services/opt-out-link.ts';
import type { NotificationRow } from '#src/services/outbox-delivery.ts';
import { unsubscribeLink } from '#src/services/unsubscribe-link.ts';

export interface MessageSettings extends Omit<RenderSettings, 'unsubscribeUrl'> {
  /** Optional mailbox for `List-Unsubscribe: <mailto:…>` (only when someone processes it). */
  unsubscribeMailto?: string | undefined;
}

export interface BuiltMessage {
  row: NotificationRow;
  message: OutboundMessage;
}

export interface BuiltBatch {
  built: BuiltMessage[];
  /** Rows that cannot become a message (unreadable snapshot): dead letters, not retried forever. */
  broken: { row: NotificationRow; detail: string }[];
}

export async function buildMessages(
  db: Kysely<Database>,
  rows: NotificationRow[],
  settings: MessageSettings,
): Promise<BuiltBatch> {
  const secrets = await webhookSecrets(db, rows);
  const channels = await operatorChannelSettings(db, rows);
  const render = createRenderCache(settings);
  const built: BuiltMessage[] = [];
  const broken: BuiltBatch['broken'] = [];
  for (const row of rows) {
    let notice: Notice;
    let extraHeaders: Record<string, string>;
    try {
      notice = JSON.parse(row.payload) as Notice;
      extraHeaders = JSON.parse(row.headers) as Record<string, string>;
      if (!notice || typeof notice !== 'object' || !('type' in notice)) throw new Error('no notice');
    } catch (err) {
      broken.push({ row, detail: `unreadable payload: ${(err as Error).message}` });
      continue;
    }
    const locale = row.locale === 'en' ? 'en' : 'de';
    const unsubscribeUrl = await stopLink(db, row, settings.publicUrl);
    const { text, html } = render(row.payload, notice, locale, unsubscribeUrl);
    const headers: Record<string, string> = { ...extraHeaders };
    if (unsubscribeUrl && row.kind === 'email') {
      const mailto = settings.unsubscribeMailto
        ? `<mailto:${settings.unsubscribeMailto}?subject=unsubscribe>, `
        : '';
      headers['List-Unsubscribe'] = `${mailto}<${unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    const settingsOf = row.subscriber_id
      ? { secret: secrets.get(row.subscriber_id) }
      : row.operator_channel_id
        ? channels.get(row.operator_channel_id)
        : undefined;
    built.push({
      row,
      message: {
        id: row.id,
        kind: row.kind as ChannelKind,
        recipient: row.recipient,
        locale,
        event: row.event,
        subject: row.subject,
        text,
        ...(row.kind === 'email' ? { html } : {}),
        payload: { type: row.event, timestamp: row.created_at, data: notice },
        headers,
        ...(settingsOf ? { settings: settingsOf } : {}),
      },
    });
  }
  return { built, broken };
}

// Stands for the recipient's own unsubscribe link in a text rendered once for many recipients;
// random per process, so no notice text can contain it. HTML escaping leaves it unchanged.
const linkSlot = `https://unsubscribe.invalid/${randomUUID()}`;

/**
 * Renders each (notice, locale) of a batch once — a fan-out's batch is a thousand copies of the
 * same notice — and puts each recipient's unsubscribe link into the copy.
 */
function createRenderCache(settings: MessageSettings) {
  const rendered = new Map<string, RenderedNotification>();
  return (payload: string, notice: Notice, locale: 'de' | 'en', unsubscribeUrl: string | undefined) => {
    const key = `${locale}:${unsubscribeUrl ? 'link' : 'none'}:${payload}`;
    let r = rendered.get(key);
    if (!r) {
      r = renderNotification(notice, locale, { ...settings, unsubscribeUrl: unsubscribeUrl && linkSlot });
      rendered.set(key, r);
    }
    if (!unsubscribeUrl) return r;
    return {
      ...r,
      text: r.text.replaceAll(linkSlot, unsubscribeUrl),
      html: r.html.replaceAll(linkSlot, escapeHtml(unsubscribeUrl)),
    };
  };
}

/**
 * The link that ends messages of this kind: a subscriber's manage link, or for an affected
 * customer's contact (who never subscribed) the opt-out link. Reporters and operator channels
 * get none: they did not sign up for a list.
 */
async function stopLink(db: Kysely<Database>, row: NotificationRow, publicUrl: string) {
  if (row.subscriber_id) return unsubscribeLink(db, publicUrl, row.subscriber_id);
  // Incident messages to nobody who signed up are to affected customers' contacts (written to at
  // first, and with later updates when they follow).
  if (row.event.startsWith('incident.') && !row.operator_channel_id && !row.report_id) {
    return optOutLink(db, publicUrl, row.recipient);
  }
  return undefined;
}

async function webhookSecrets(db: Kysely<Database>, rows: NotificationRow[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(rows.filter((r) => r.kind === 'webhook' && r.subscriber_id).map((r) => r.subscriber_id ?? '')),
  ];
  if (ids.length === 0) return new Map();
  const found = await db.selectFrom('subscribers').select(['id', 'secret']).where('id', 'in', ids).execute();
  return new Map(found.filter((r) => r.secret).map((r) => [r.id, r.secret ?? '']));
}

async function operatorChannelSettings(
  db: Kysely<Database>,
  rows: NotificationRow[],
): Promise<Map<string, Record<string, unknown>>> {
  const ids = [...new Set(rows.map((r) => r.operator_channel_id).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const found = await db
    .selectFrom('operator_channels')
    .select(['id', 'name', 'settings'])
    .where('id', 'in', ids)
    .execute();
  return new Map(found.map((r) => [r.id, { name: r.name, ...parseObject(r.settings) }]));
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
