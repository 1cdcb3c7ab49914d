/**
 * @module Who hears about an event: confirmed subscribers whose scope covers an affected component,
 * operator channels subscribed to the event, and people who unsubscribed are left out of targeted
 * sends (affected customers without a subscription).
 */
import type { ChannelKind } from '#src/adapters/channels/channel.ts';
import type { Locale } from '#src/domain/notification-notice.ts';
import type { Tx } from './context.ts';

export interface Recipient {
  kind: ChannelKind;
  address: string;
  locale: Locale;
  /** Goes into the idempotency key: one message per event and recipient. */
  recipientId: string;
  subscriberId?: string | undefined;
  operatorChannelId?: string | undefined;
  reportId?: string | undefined;
}

const asLocale = (l: string): Locale => (l === 'en' ? 'en' : 'de');

/** Confirmed subscribers of the whole page or of one of the components (none given = page-wide only). */
export async function subscribersFor(trx: Tx, componentIds: readonly string[]): Promise<Recipient[]> {
  const rows = await covering(trx, componentIds).orderBy('s.id').execute();
  return rows.map(asRecipient);
}

/**
 * One page of `subscribersFor`, in id order after `after` ('' = from the start): the deferred
 * fan-out walks the subscribers with this keyset, so a page never shifts when others subscribe.
 */
export async function subscriberPage(
  trx: Tx,
  componentIds: readonly string[],
  after: string,
  limit: number,
): Promise<Recipient[]> {
  const rows = await covering(trx, componentIds)
    .where('s.id', '>', after)
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return rows.map(asRecipient);
}

/** Of the given people, those who are confirmed subscribers in scope (and so get it as such). */
export async function coveredBySubscription(
  trx: Tx,
  componentIds: readonly string[],
  list: readonly Recipient[],
): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < list.length; i += 500) {
    const part = list.slice(i, i + 500).map((r) => r.address);
    const rows = await covering(trx, componentIds).where('s.address', 'in', part).execute();
    for (const r of rows) taken.add(`${r.kind}\0${r.address}`);
  }
  return taken;
}

function covering(trx: Tx, componentIds: readonly string[]) {
  return trx
    .selectFrom('subscribers as s')
    .select(['s.id', 's.kind', 's.address', 's.locale'])
    .where('s.state', '=', 'confirmed')
    .where((eb) =>
      componentIds.length === 0
        ? eb('s.scope', '=', 'all')
        : eb.or([
            eb('s.scope', '=', 'all'),
            eb.exists(
              eb
                .selectFrom('subscriber_components as sc')
                .select('sc.subscriber_id')
                .whereRef('sc.subscriber_id', '=', 's.id')
                .where('sc.component_id', 'in', [...componentIds]),
            ),
          ]),
    );
}

const asRecipient = (r: { id: string; kind: ChannelKind; address: string; locale: string }): Recipient => ({
  kind: r.kind,
  address: r.address,
  locale: asLocale(r.locale),
  recipientId: r.id,
  subscriberId: r.id,
});

/** Enabled operator channels that list the event (or `*`). */
export async function operatorChannelsFor(trx: Tx, event: string): Promise<Recipient[]> {
  const rows = await trx
    .selectFrom('operator_channels')
    .select(['id', 'kind', 'url', 'events', 'locale'])
    .where('enabled', '=', 1)
    .orderBy('id')
    .execute();
  return rows
    .filter((r) => {
      const events = parseList(r.events);
      return events.includes(event) || events.includes('*');
    })
    .map((r) => ({
      kind: r.kind,
      address: r.url,
      locale: asLocale(r.locale),
      recipientId: r.id,
      operatorChannelId: r.id,
    }));
}

/** Drops people who ended a subscription on that address: they asked not to be written to. */
export async function withoutOptedOut(trx: Tx, list: Recipient[]): Promise<Recipient[]> {
  if (list.length === 0) return list;
  const out = new Set<string>();
  const chunk = 500;
  for (let i = 0; i < list.length; i += chunk) {
    const part = list.slice(i, i + chunk);
    const rows = await trx
      .selectFrom('subscribers')
      .select(['kind', 'address'])
      .where('state', '=', 'unsubscribed')
      .where(
        'address',
        'in',
        part.map((r) => r.address),
      )
      .execute();
    for (const r of rows) out.add(`${r.kind}\0${r.address}`);
  }
  return list.filter((r) => !out.has(`${r.kind}\0${r.address}`));
}

function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
