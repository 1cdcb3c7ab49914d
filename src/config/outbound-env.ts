/**
 * @module Outbound HTTP settings (SSRF guard policy) and the SMS gateway, read with the rest of
 * the configuration in env.ts. See docs/CHANNELS.md.
 */
import { loadSmsGateway } from '#src/adapters/channels/sms/config.ts';
import type { SmsGateway } from '#src/adapters/channels/sms/presets.ts';

export interface OutboundConfig {
  /** Webhooks, chat channels and the SMS gateway may reach private ranges and loopback. */
  outboundAllowPrivate: boolean;
  /** Null: no SMS channel, SMS subscriptions are not offered. */
  smsGateway: SmsGateway | null;
}

export function readOutboundEnv(env: Record<string, string | undefined>, problems: string[]): OutboundConfig {
  const raw = env.DIALTONE_OUTBOUND_ALLOW_PRIVATE ?? 'false';
  if (!['true', 'false', '1', '0'].includes(raw)) {
    problems.push(`DIALTONE_OUTBOUND_ALLOW_PRIVATE: expected true or false, got "${raw}"`);
  }
  return { outboundAllowPrivate: raw === 'true' || raw === '1', smsGateway: loadSmsGateway(env, problems) };
}
