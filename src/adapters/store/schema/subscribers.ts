/**
 * @module Tables of migration 012-subscribers (see migrations/). Merged into `Database` in ../schema.ts.
 */

export type SubscriberKind = 'email' | 'sms' | 'webhook';
export type SubscriberState = 'pending' | 'confirmed' | 'unsubscribed';
export type OperatorChannelKind = 'slack' | 'teams' | 'matrix' | 'telegram' | 'webhook';

export interface SubscriberTable {
  id: string;
  kind: SubscriberKind;
  /** Lower-case email, E.164 number, or URL. */
  address: string;
  locale: 'de' | 'en';
  scope: 'all' | 'components';
  state: SubscriberState;
  confirm_hash: string | null;
  confirm_expires_at: string | null;
  confirm_failures: number;
  /** Webhook signing secret `whsec_…` (needed to sign, so not hashed). */
  secret: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface SubscriberComponentTable {
  subscriber_id: string;
  component_id: string;
}

export interface SubscriptionKeyTable {
  id: string;
  secret: string;
  created_at: string;
}

export interface OperatorChannelTable {
  id: string;
  kind: OperatorChannelKind;
  name: string;
  url: string;
  /** JSON object. */
  settings: string;
  /** JSON array of event names. */
  events: string;
  locale: 'de' | 'en';
  /** 0/1. */
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface SubscriberTables {
  subscribers: SubscriberTable;
  subscriber_components: SubscriberComponentTable;
  subscription_keys: SubscriptionKeyTable;
  operator_channels: OperatorChannelTable;
}
