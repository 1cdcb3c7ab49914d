/**
 * @module A delivery channel (email, SMS gateway, signed webhook, chat webhooks). The outbox
 * worker hands one message at a time to the channel of its kind and records the result; channels
 * keep no delivery state of their own. `send` never throws: a failure is a result that says
 * whether trying again later can help.
 */

export type ChannelKind = 'email' | 'sms' | 'webhook' | 'slack' | 'teams' | 'matrix' | 'telegram';

export interface OutboundMessage {
  /** The notification's id; also the idempotency key receivers see (e.g. `webhook-id`, Message-ID). */
  id: string;
  kind: ChannelKind;
  /** Email address, E.164 number, or URL (webhook and chat channels). */
  recipient: string;
  locale: 'de' | 'en';
  /** Event name, e.g. `incident.updated`. */
  event: string;
  subject: string;
  /** Plain text for people. */
  text: string;
  /** Optional HTML alternative (email). */
  html?: string;
  /** Machine-readable event body (webhooks). */
  payload: Record<string, unknown>;
  /** Extra headers (email: List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
  /** Channel-specific settings from the subscriber or operator channel (secret, gateway, room …). */
  settings?: Record<string, unknown>;
}

export type SendResult =
  | { ok: true; detail?: string }
  | { ok: false; retryable: boolean; detail: string };

export interface Channel {
  readonly kind: ChannelKind;
  send(message: OutboundMessage, signal?: AbortSignal): Promise<SendResult>;
  close?(): Promise<void>;
}
