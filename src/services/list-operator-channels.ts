/**
 * @module listOperatorChannels: the operator channels (console, admins) without credentials.
 */
import type { OperatorChannelKind } from '#src/domain/subscription-channel.ts';
import type { Tx } from './context.ts';
import { parseObject } from './operator-channel-rows.ts';

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
