/**
 * @module The delivery worker's conditional SQL on the outbox: claim due rows, mark one sent,
 * record a failed attempt, give back claims. A claim is `claimed_by` + `claimed_until`; a
 * claim that expired (its worker crashed) is due again. PostgreSQL claims with
 * `FOR UPDATE SKIP LOCKED`, so workers in several processes never claim the same row at once;
 * SQLite has one writer at a time, so the conditional UPDATE alone is enough there.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Dialect } from '#src/adapters/store/open-store.ts';
import type { NotificationTable } from '#src/adapters/store/schema/outbox.ts';
import type { Database } from '#src/adapters/store/schema.ts';

export type NotificationRow = Selectable<NotificationTable>;

export interface ClaimRequest {
  workerId: string;
  now: Date;
  /** How long the claim holds (ms); longer than a batch takes to send. */
  leaseMs: number;
  limit: number;
  /** Only kinds a channel exists for; others wait until one is configured. */
  kinds: readonly string[];
}

export async function claimDueNotifications(
  db: Kysely<Database>,
  dialect: Dialect,
  req: ClaimRequest,
): Promise<NotificationRow[]> {
  if (req.kinds.length === 0 || req.limit <= 0) return [];
  const now = req.now.toISOString();
  const until = new Date(req.now.getTime() + req.leaseMs).toISOString();
  let due = db
    .selectFrom('notifications')
    .select('id')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .where('kind', 'in', [...req.kinds])
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(req.limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('notifications')
    .set({ claimed_by: req.workerId, claimed_until: until })
    .where('id', 'in', due)
    // Checked again on the row itself: a row another worker claimed meanwhile is not taken over.
    .where('state', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
    .returningAll()
    .execute();
  return rows.sort((a, b) => (a.next_attempt_at + a.id).localeCompare(b.next_attempt_at + b.id));
}

export interface Delivered {
  id: string;
  workerId: string;
  at: Date;
  attempt: number;
  detail: string;
  bodyText: string;
  bodyHtml: string | null;
}

/** Marks one row sent, only while this worker still holds it; false when it no longer did. */
export async function markSent(db: Kysely<Database>, d: Delivered): Promise<boolean> {
  const at = d.at.toISOString();
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('notifications')
      .set({
        state: 'sent',
        sent_at: at,
        attempts: d.attempt,
        body_text: d.bodyText,
        body_html: d.bodyHtml,
        claimed_by: null,
        claimed_until: null,
        last_error: null,
      })
      .where('id', '=', d.id)
      .where('claimed_by', '=', d.workerId)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('notification_attempts')
      .values({ notification_id: d.id, attempt: d.attempt, at, ok: 1, detail: d.detail, worker: d.workerId })
      .onConflict((oc) => oc.columns(['notification_id', 'attempt']).doNothing())
      .execute();
    return true;
  });
}

export interface Failed {
  id: string;
  workerId: string;
  at: Date;
  attempt: number;
  detail: string;
  /** null = dead letter (no retry can help, or out of attempts). */
  retryAt: Date | null;
}

export async function markFailed(db: Kysely<Database>, f: Failed): Promise<boolean> {
  const at = f.at.toISOString();
  return db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('notifications')
      .set({
        state: f.retryAt ? 'pending' : 'dead',
        attempts: f.attempt,
        next_attempt_at: (f.retryAt ?? f.at).toISOString(),
        last_error: f.detail.slice(0, 1000),
        claimed_by: null,
        claimed_until: null,
      })
      .where('id', '=', f.id)
      .where('claimed_by', '=', f.workerId)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    await trx
      .insertInto('notification_attempts')
      .values({
        notification_id: f.id,
        attempt: f.attempt,
        at,
        ok: 0,
        detail: f.detail.slice(0, 1000),
        worker: f.workerId,
      })
      .onConflict((oc) => oc.columns(['notification_id', 'attempt']).doNothing())
      .execute();
    return true;
  });
}

/** Gives back claims this worker will not get to (stopping, or its lease is running out). */
export async function releaseClaims(
  db: Kysely<Database>,
  workerId: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notifications')
    .set({ claimed_by: null, claimed_until: null })
    .where('id', 'in', [...ids])
    .where('claimed_by', '=', workerId)
    .where('state', '=', 'pending')
    .execute();
}
