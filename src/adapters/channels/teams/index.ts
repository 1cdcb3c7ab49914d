/**
 * @module Microsoft Teams through a Workflows ("When a Teams webhook request is received")
 * webhook: POST a message with one Adaptive Card attachment. Workflows answer 202 Accepted;
 * the legacy Office 365 connector URLs accept the same body and answer 200.
 */
import { guardedFetch } from '#src/adapters/net/guarded-fetch.ts';
import { sendResultOf } from '#src/adapters/net/http-result.ts';
import type { Channel, OutboundMessage } from '../channel.ts';
import type { ChatChannelOptions } from '../slack/index.ts';

export function teamsBody(message: OutboundMessage): string {
  return JSON.stringify({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: message.subject, weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text: message.text, wrap: true },
          ],
        },
      },
    ],
  });
}

export function createTeamsChannel(options: ChatChannelOptions): Channel {
  return {
    kind: 'teams',
    async send(message, signal) {
      const result = await guardedFetch(
        message.recipient,
        {
          method: 'POST',
          body: teamsBody(message),
          headers: { 'content-type': 'application/json' },
          signal,
          timeoutMs: options.timeoutMs,
        },
        options.guard,
      );
      return sendResultOf(result);
    },
  };
}
