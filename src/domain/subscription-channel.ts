/**
 * @module Operator channels (admin-configured chat rooms and webhooks) as the console form
 * describes them, checked without I/O. Credentials (Matrix access token, Telegram bot token) are
 * never shown back: on edit, an empty field keeps the stored value; so does an empty URL (a Slack
 * or Teams webhook URL is itself a secret).
 */
import type { FieldError } from './errors.ts';
import { normaliseWebhookUrl } from './subscription.ts';

export const operatorChannelKinds = ['slack', 'teams', 'matrix', 'telegram', 'webhook'] as const;
export type OperatorChannelKind = (typeof operatorChannelKinds)[number];

/** Events an operator channel can receive (what enqueueNotifications sends to operator channels). */
export const operatorEvents = [
  'alert.fired',
  'alert.resolved',
  'incident.declared',
  'incident.updated',
  'incident.resolved',
  'maintenance.scheduled',
  'maintenance.reminder',
  'maintenance.started',
  'maintenance.completed',
  'report.received',
] as const;

export const telegramApiBase = 'https://api.telegram.org';

export interface OperatorChannelForm {
  kind?: string;
  name?: string;
  url?: string;
  room?: string;
  chatId?: string;
  secret?: string;
  events?: readonly string[];
  locale?: string;
  enabled?: boolean;
}

export interface OperatorChannelDraft {
  kind: OperatorChannelKind;
  name: string;
  /** Null: keep the stored URL (edit with the field left empty). */
  url: string | null;
  locale: 'de' | 'en';
  enabled: boolean;
  events: string[];
  /** Settings to store; credentials only when entered (merged over the stored ones). */
  settings: Record<string, string>;
}

export function parseOperatorChannel(
  form: OperatorChannelForm,
  existing: { kind: OperatorChannelKind } | null,
): { ok: true; value: OperatorChannelDraft } | { ok: false; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const kind = existing?.kind ?? operatorChannelKinds.find((k) => k === form.kind);
  if (!kind) fields.push({ path: 'kind', key: 'subscribers.channels.error.kind' });
  const name = (form.name ?? '').trim();
  if (name === '' || name.length > 100) fields.push({ path: 'name', key: 'subscribers.channels.error.name' });
  const rawUrl = (form.url ?? '').trim();
  let url: string | null = null;
  if (rawUrl !== '') {
    url = normaliseWebhookUrl(rawUrl);
    if (!url) fields.push({ path: 'url', key: 'subscribers.error.url' });
  } else if (kind === 'telegram' && !existing) url = telegramApiBase;
  else if (!existing) fields.push({ path: 'url', key: 'error.required' });
  const settings: Record<string, string> = {};
  const secret = (form.secret ?? '').trim();
  if (kind === 'matrix') {
    const room = (form.room ?? '').trim();
    if (!/^![^:\s]+:\S+$/.test(room)) fields.push({ path: 'room', key: 'subscribers.channels.error.room' });
    settings.room = room;
    if (secret) settings.accessToken = secret;
    else if (!existing) fields.push({ path: 'secret', key: 'subscribers.channels.error.secret' });
  }
  if (kind === 'telegram') {
    const chatId = (form.chatId ?? '').trim();
    if (!/^(-?\d{1,20}|@\w{5,32})$/.test(chatId))
      fields.push({ path: 'chatId', key: 'subscribers.channels.error.chatId' });
    settings.chatId = chatId;
    if (secret && !/^\d+:[\w-]{20,}$/.test(secret)) {
      fields.push({ path: 'secret', key: 'subscribers.channels.error.botToken' });
    } else if (secret) settings.botToken = secret;
    else if (!existing) fields.push({ path: 'secret', key: 'subscribers.channels.error.secret' });
  }
  const events = [...new Set(form.events ?? [])].filter((e) =>
    (operatorEvents as readonly string[]).includes(e),
  );
  if (events.length === 0) fields.push({ path: 'events', key: 'subscribers.channels.error.events' });
  if (fields.length > 0 || !kind) return { ok: false, fields };
  return {
    ok: true,
    value: {
      kind,
      name,
      url,
      locale: form.locale === 'en' ? 'en' : 'de',
      enabled: form.enabled ?? true,
      events,
      settings,
    },
  };
}
