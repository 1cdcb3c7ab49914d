/**
 * @module Writes outbox rows for a list of recipients of one event: one row per recipient, keyed
 * `<event>:<key part>:<recipient kind>:<recipient id>` (unique, insert or ignore), so writing the
 * same recipients twice inserts nothing new. Used by the transactional enqueue and by the
 * deferred fan-out's pages.
 */
import type { Insertable } from 'kysely';
import type { NotificationTable } from '#src/adapters/store/schema/outbox.ts';
import type { Locale, Notice } from '#src/domain/notification-notice.ts';
import { noticeSubject } from '#src/domain/notification-text.ts';
import type { SubscriptionNotice } from '#src/domain/subscription-text.ts';
import type { ServiceContext, Tx } from './context.ts';
import type { Recipient } from './notification-recipients.ts';

export interface OutboxBatch {
  event: string;
  notice: Notice | SubscriptionNotice;
  /** `<entity id>:<update id or state>` part of the idempotency key. */
  keyPart: string;
  subjectId: string;
  recipients: readonly Recipient[];
}

/** Returns how many new rows were written. */
export async function writeOutboxRows(
  trx: Tx,
  ctx: Pick<ServiceContext, 'clock' | 'newId'>,
  b: OutboxBatch,
): Promise<number> {
  if (b.recipients.length === 0) return 0;
  const now = ctx.clock().toISOString();
  // The same for every recipient: serialised and translated once per batch, not per row.
  const payload = JSON.stringify(b.notice);
  const subjects = new Map<Locale, string>();
  const subjectIn = (l: Locale) => {
    let s = subjects.get(l);
    if (s === undefined) {
      s = noticeSubject(b.notice, l);
      subjects.set(l, s);
    }
    return s;
  };
  const rows: Insertable<NotificationTable>[] = b.recipients.map((r) => ({
    id: ctx.newId(),
    idempotency_key: `${b.event}:${b.keyPart}:${r.kind}:${r.recipientId}`,
    event: b.event,
    kind: r.kind,
    recipient: r.address,
    subscriber_id: r.subscriberId ?? null,
    operator_channel_id: r.operatorChannelId ?? null,
    report_id: r.reportId ?? null,
    subject_id: b.subjectId,
    locale: r.locale,
    subject: subjectIn(r.locale),
    // Rendered when sent, with the deployment's public URL, time zone and unsubscribe link.
    body_text: '',
    body_html: null,
    payload,
    headers: '{}',
    state: 'pending',
    attempts: 0,
    attempt_limit: null,
    next_attempt_at: now,
    claimed_by: null,
    claimed_until: null,
    last_error: null,
    created_at: now,
    sent_at: null,
  }));
  let inserted = 0;
  // 400 rows × 22 columns stays below every driver's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 400) {
    const result = await trx
      .insertInto('notifications')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}
