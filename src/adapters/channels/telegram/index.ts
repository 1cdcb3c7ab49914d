/**
 * @module Telegram through the Bot API: `POST {api}/bot{token}/sendMessage` with `chat_id` and
 * `text`. Recipient: the API base (`https://api.telegram.org`, or a self-hosted Bot API server);
 * settings: `botToken`, `chatId`. Telegram answers `{ ok: true }`; 400/401/403 (bad chat, revoked
 * token, bot removed) will not heal by retrying, 429 carries `retry_after`.
 */
import { guardedFetch } from '#src/adapters/net/guarded-fetch.ts';
import { sendResultOf } from '#src/adapters/net/http-result.ts';
import type { Channel, OutboundMessage } from '../channel.ts';
import type { ChatChannelOptions } from '../slack/index.ts';

export const telegramApi = 'https://api.telegram.org';

export function telegramRequest(message: OutboundMessage): { url: string; body: string } | null {
  const token = message.settings?.botToken;
  const chatId = message.settings?.chatId;
  if (typeof token !== 'string' || !/^\d+:[\w-]+$/.test(token)) return null;
  if ((typeof chatId !== 'string' || chatId === '') && typeof chatId !== 'number') return null;
  const base = (message.recipient || telegramApi).replace(/\/+$/, '');
  return {
    url: `${base}/bot${token}/sendMessage`,
    body: JSON.stringify({
      chat_id: chatId,
      text: `${message.subject}\n\n${message.text}`.slice(0, 4096),
      link_preview_options: { is_disabled: true },
    }),
  };
}

export function createTelegramChannel(options: ChatChannelOptions): Channel {
  return {
    kind: 'telegram',
    async send(message, signal) {
      const request = telegramRequest(message);
      if (!request) return { ok: false, retryable: false, detail: 'Telegram bot token or chat id missing' };
      const result = await guardedFetch(
        request.url,
        {
          method: 'POST',
          body: request.body,
          headers: { 'content-type': 'application/json' },
          signal,
          timeoutMs: options.timeoutMs,
        },
        options.guard,
      );
      // The token is part of the URL: keep it out of the delivery log.
      const sent = sendResultOf(result);
      return sent.ok
        ? sent
        : { ...sent, detail: sent.detail.replaceAll(String(message.settings?.botToken), '…') };
    },
  };
}
