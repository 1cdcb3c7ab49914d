/**
 * @module SMS through an HTTP gateway (a preset or a generic template, see presets.ts). One
 * request per message; the recipient must already be E.164 (subscriptions normalise it). The
 * gateway's credentials never appear in the delivery log.
 */
import { type GuardOptions, guardedFetch } from '#src/adapters/net/guarded-fetch.ts';
import { excerpt, sendResultOf } from '#src/adapters/net/http-result.ts';
import type { Channel, OutboundMessage, SendResult } from '../channel.ts';
import type { SmsGateway } from './presets.ts';
import { fillTemplate } from './template.ts';

export interface SmsChannelOptions {
  gateway: SmsGateway;
  guard: GuardOptions;
  timeoutMs?: number;
}

/** An SMS is at most 10 concatenated parts here; longer texts are cut (the link comes first). */
const maxLength = 1530;

export function smsRequest(gateway: SmsGateway, message: OutboundMessage) {
  const values = {
    to: message.recipient,
    to_digits: message.recipient.replace(/^\+/, ''),
    from: gateway.from,
    text: message.text.slice(0, maxLength),
    user: gateway.user ?? '',
    password: gateway.password ?? '',
  };
  const headers: Record<string, string> = {};
  if (gateway.auth.type === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${gateway.auth.user}:${gateway.auth.password}`).toString('base64')}`;
  } else if (gateway.auth.type === 'bearer') headers.authorization = `Bearer ${gateway.auth.token}`;
  else if (gateway.auth.type === 'header') headers[gateway.auth.name] = gateway.auth.value;
  const url = fillTemplate(gateway.url, values, 'url');
  if (gateway.method === 'GET') return { url, headers, body: undefined };
  headers['content-type'] =
    gateway.format === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  return { url, headers, body: fillTemplate(gateway.body, values, gateway.format) };
}

export function createSmsChannel(options: SmsChannelOptions): Channel {
  const { gateway } = options;
  const secrets = [
    gateway.auth.type === 'basic' ? gateway.auth.password : '',
    gateway.auth.type === 'bearer' ? gateway.auth.token : '',
    gateway.auth.type === 'header' ? gateway.auth.value : '',
    gateway.password ?? '',
  ].filter((s) => s.length >= 4);
  const scrub = (s: string) => secrets.reduce((acc, secret) => acc.replaceAll(secret, '…'), s);
  return {
    kind: 'sms',
    async send(message, signal): Promise<SendResult> {
      if (!/^\+[1-9]\d{6,14}$/.test(message.recipient)) {
        return { ok: false, retryable: false, detail: 'recipient is not an E.164 number' };
      }
      const request = smsRequest(gateway, message);
      const result = await guardedFetch(
        request.url,
        {
          method: gateway.method,
          headers: request.headers,
          body: request.body,
          signal,
          timeoutMs: options.timeoutMs,
        },
        options.guard,
      );
      let sent = sendResultOf(result);
      if (sent.ok && result.ok && gateway.accepted) {
        const verdict = gateway.accepted(result.response);
        if (!verdict.ok)
          sent = {
            ok: false,
            retryable: verdict.retryable,
            detail: `gateway refused: ${excerpt(result.response.body)}`,
          };
      }
      return sent.ok ? sent : { ...sent, detail: scrub(sent.detail) };
    },
  };
}
