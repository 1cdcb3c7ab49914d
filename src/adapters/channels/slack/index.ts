/**
 * @module Slack incoming webhooks (api.slack.com/messaging/webhooks): POST `{ text, blocks }` to
 * the channel's webhook URL; Slack answers 200 `ok`, 4xx with a reason (`invalid_token`,
 * `no_service`, `channel_not_found`) that will not change on a retry, 429 when rate limited.
 */
import { type GuardOptions, guardedFetch } from '#src/adapters/net/guarded-fetch.ts';
import { sendResultOf } from '#src/adapters/net/http-result.ts';
import type { Channel, OutboundMessage } from '../channel.ts';

export interface ChatChannelOptions {
  guard: GuardOptions;
  timeoutMs?: number;
}

// Slack mrkdwn treats &, < and > as control characters.
const escapeMrkdwn = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackBody(message: OutboundMessage): string {
  const subject = escapeMrkdwn(message.subject);
  const text = escapeMrkdwn(message.text);
  return JSON.stringify({
    text: `${subject}\n${text}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: message.subject.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) } },
    ],
  });
}

export function createSlackChannel(options: ChatChannelOptions): Channel {
  return {
    kind: 'slack',
    async send(message, signal) {
      const result = await guardedFetch(
        message.recipient,
        {
          method: 'POST',
          body: slackBody(message),
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
