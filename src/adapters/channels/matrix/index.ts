/**
 * @module Matrix rooms through the client-server API: `PUT /_matrix/client/v3/rooms/{roomId}/send/
 * m.room.message/{txnId}` with the bot account's access token. The transaction id is the
 * notification id, so a retry after a lost answer is recognised by the homeserver and posts once.
 * Recipient: the homeserver's base URL; settings: `room` (id `!…:server`), `accessToken`.
 */
import { guardedFetch } from '#src/adapters/net/guarded-fetch.ts';
import { sendResultOf } from '#src/adapters/net/http-result.ts';
import type { Channel, OutboundMessage } from '../channel.ts';
import type { ChatChannelOptions } from '../slack/index.ts';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function matrixRequest(message: OutboundMessage): { url: string; body: string } | null {
  const room = message.settings?.room;
  if (typeof room !== 'string' || room === '') return null;
  const base = message.recipient.replace(/\/+$/, '');
  const path = `/_matrix/client/v3/rooms/${encodeURIComponent(room)}/send/m.room.message/${encodeURIComponent(message.id)}`;
  const body = JSON.stringify({
    msgtype: 'm.text',
    body: `${message.subject}\n${message.text}`,
    format: 'org.matrix.custom.html',
    formatted_body: `<strong>${escapeHtml(message.subject)}</strong><br>${escapeHtml(message.text).replace(/\n/g, '<br>')}`,
  });
  return { url: base + path, body };
}

export function createMatrixChannel(options: ChatChannelOptions): Channel {
  return {
    kind: 'matrix',
    async send(message, signal) {
      const request = matrixRequest(message);
      const token = message.settings?.accessToken;
      if (!request || typeof token !== 'string' || token === '') {
        return { ok: false, retryable: false, detail: 'Matrix room or access token missing' };
      }
      const result = await guardedFetch(
        request.url,
        {
          method: 'PUT',
          body: request.body,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          signal,
          timeoutMs: options.timeoutMs,
        },
        options.guard,
      );
      return sendResultOf(result);
    },
  };
}
