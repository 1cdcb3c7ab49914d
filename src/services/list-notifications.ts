/**
 * @module Read model of the delivery log: outbox rows newest first, filtered by state, channel
 * kind and event, paginated (one message with its attempts: getNotification).
 */
import type { Kysely } from 'kysely';
import type { Database } from '#src/adapters/store/schema.ts';

export const notificationStates = ['pending', 'sent', 'dead'] as const;

export interface NotificationFilter {
  state?: string | undefined;
  kind?: string | undefined;
  event?: string | undefined;
  page: number;
  perPage: number;
}

export interface NotificationListItem {
  id: string;
  event: string;
  kind: string;
  recipient: string;
  subject: string;
  state: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

export interface NotificationPage {
  items: NotificationListItem[];
  page: number;
  pages: number;
  total: number;
  /** Counts per state over the whole outbox (not filtered). */
  counts: Record<string, number>;
}

export async function listNotifications(
  db: Kysely<Database>,
  f: NotificationFilter,
): Promise<NotificationPage> {
  let q = db.selectFrom('notifications');
  if (f.state) q = q.where('state', '=', f.state);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.event) q = q.where('event', '=', f.event);
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(total / f.perPage));
  const page = Math.min(f.page, pages);
  const rows = await q
    .select([
      'id',
      'event',
      'kind',
      'recipient',
      'subject',
      'state',
      'attempts',
      'last_error',
      'created_at',
      'sent_at',
      'next_attempt_at',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.perPage)
    .offset((page - 1) * f.perPage)
    .execute();
  const byState = await db
    .selectFrom('notifications')
    .select(['state', (eb) => eb.fn.countAll().as('n')])
    .groupBy('state')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      event: r.event,
      kind: r.kind,
      recipient: r.recipient,
      subject: r.subject,
      state: r.state,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      sentAt: r.sent_at,
      nextAttemptAt: r.next_attempt_at,
    })),
    page,
    pages,
    total,
    counts: Object.fromEntries(byState.map((r) => [r.state, Number(r.n)])),
  };
}
