/**
 * @module The delivery worker's conditional SQL on the outbox: claim due rows, mark one sent,
 * record a failed attempt, give back claims. A claim is `claimed_by` + `claimed_until`; a
 * claim that expired (its worker crashed) is due again. PostgreSQL claims with
 * `FOR UPDATE SKIP LOCKED`, so workers in several processes never claim the same row at once;
 * SQLite has one writer at a time, so the conditional UPDATE alone is enough there.
 */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
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

export type Outcome =
  | {
      ok: true;
      id: string;
      at: Date;
      attempt: number;
      detail: string;
      /** The text as sent, kept for the delivery log. */
      bodyText: string;
    }
  | {
      ok: false;
      id: string;
      at: Date;
      attempt: number;
      detail: string;
      /** null = dead letter (no retry can help, or out of attempts). */
      retryAt: Date | null;
    };

/**
 * Records the outcomes of several sends in one transaction (one fsync for many messages), each
 * row only while this worker still holds it. Returns the ids that were recorded; a missing id
 * means the claim had passed to another worker.
 */
export async function recordOutcomes(
  db: Kysely<Database>,
  workerId: string,
  outcomes: readonly Outcome[],
  dialect: Dialect = 'sqlite',
): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  return db.transaction().execute(async (trx) => {
    const recorded = new Set<string>();
    const sent = outcomes.filter((o) => o.ok);
    // PostgreSQL: accepted sends in one statement per 200 (one round trip instead of one each).
    // SQLite runs in-process, where the per-row update measured faster than the CASE statement.
    const batched = dialect === 'postgres';
    for (let i = 0; batched && i < sent.length; i += 200) {
      for (const id of await markSent(trx, workerId, sent.slice(i, i + 200))) recorded.add(id);
    }
    for (const o of outcomes) {
      if (o.ok && batched) continue;
      const done = await trx
        .updateTable('notifications')
        .set(
          o.ok
            ? {
                state: 'sent',
                sent_at: o.at.toISOString(),
                attempts: o.attempt,
                body_text: o.bodyText,
                claimed_by: null,
                claimed_until: null,
                last_error: null,
              }
            : {
                state: o.retryAt ? 'pending' : 'dead',
                attempts: o.attempt,
                next_attempt_at: (o.retryAt ?? o.at).toISOString(),
                last_error: o.detail.slice(0, 1000),
                claimed_by: null,
                claimed_until: null,
              },
        )
        .where('id', '=', o.id)
        .where('claimed_by', '=', workerId)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) > 0) recorded.add(o.id);
    }
    const attempts = outcomes
      .filter((o) => recorded.has(o.id))
      .map((o) => ({
        notification_id: o.id,
        attempt: o.attempt,
        at: o.at.toISOString(),
        ok: o.ok ? 1 : 0,
        detail: o.detail.slice(0, 1000),
        worker: workerId,
      }));
    for (let i = 0; i < attempts.length; i += 500) {
      await trx
        .insertInto('notification_attempts')
        .values(attempts.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['notification_id', 'attempt']).doNothing())
        .execute();
    }
    return recorded;
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

type Sent = Extract<Outcome, { ok: true }>;

/** Marks accepted sends in one conditional UPDATE; returns the ids this worker still held. */
async function markSent(
  trx: Transaction<Database>,
  workerId: string,
  list: readonly Sent[],
): Promise<string[]> {
  const pick = <T extends string | number>(value: (o: Sent) => T, type: 'text' | 'integer') =>
    sql<T>`case id ${sql.join(
      list.map((o) => sql`when ${o.id} then cast(${value(o)} as ${sql.raw(type)})`),
      sql` `,
    )} end`;
  const rows = await trx
    .updateTable('notifications')
    .set({
      state: 'sent',
      sent_at: pick((o) => o.at.toISOString(), 'text'),
      attempts: pick((o) => o.attempt, 'integer'),
      body_text: pick((o) => o.bodyText, 'text'),
      claimed_by: null,
      claimed_until: null,
      last_error: null,
    })
    .where(
      'id',
      'in',
      list.map((o) => o.id),
    )
    .where('claimed_by', '=', workerId)
    .where('state', '=', 'pending')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
