/**
 * @module The channel registry: which delivery channel handles which kind of message. Built once
 * at start from the configuration; the outbox worker looks a message's kind up here. A kind
 * without a channel (e.g. no SMTP server configured) keeps its messages queued.
 * Each channel adds one line below.
 */
import type { Config } from '#src/config/env.ts';
import type { Channel, ChannelKind } from './channel.ts';
import { createEmailChannel } from './email/index.ts';
import { createMatrixChannel } from './matrix/index.ts';
import { createSlackChannel } from './slack/index.ts';
import { createSmsChannel } from './sms/index.ts';
import { createTeamsChannel } from './teams/index.ts';
import { createTelegramChannel } from './telegram/index.ts';
import { createWebhookChannel } from './webhook/index.ts';

export interface ChannelDeps {
  /** Injected for HTTP channels (tests pass one that reaches 127.0.0.1). */
  fetch?: typeof fetch;
}

export type ChannelRegistry = Map<ChannelKind, Channel>;

export function createChannels(config: Config, _deps: ChannelDeps = {}): ChannelRegistry {
  const channels: ChannelRegistry = new Map();
  const add = (channel: Channel | undefined) => {
    if (channel) channels.set(channel.kind, channel);
  };
  if (config.smtpUrl) {
    add(
      createEmailChannel({
        smtpUrl: config.smtpUrl,
        from: config.mailFrom,
        maxConnections: config.smtpPoolSize,
      }),
    );
  }
  const guard = { allowPrivate: config.outboundAllowPrivate };
  if (config.smsGateway) add(createSmsChannel({ gateway: config.smsGateway, guard }));
  add(createWebhookChannel({ guard }));
  add(createSlackChannel({ guard }));
  add(createTeamsChannel({ guard }));
  add(createMatrixChannel({ guard }));
  add(createTelegramChannel({ guard }));
  return channels;
}

/** Closes every channel's connections (pooled SMTP, keep-alive sockets). */
export async function closeChannels(channels: ChannelRegistry): Promise<void> {
  await Promise.allSettled([...channels.values()].map((c) => c.close?.()));
}
