/**
 * @module Deferred fan-out. An event for many subscribers (an incident update to 100,000 people)
 * must not keep the operator's transaction open while 100,000 outbox rows are written. So the
 * verb's transaction writes the event's intent — one `notification_fanouts` row with the notice as
 * it is now — and the first page of subscribers; `expandFanouts` (run by the outbox worker) writes
 * the rest page by page, keyset by subscriber id. Each page and the cursor move commit together,
 * and the rows carry the same idempotency keys as ever, so a crash between pages resumes after the
 * last committed page and a repeated page inserts nothing: nothing is lost, nothing sent twice.
 *
 * @example
 * await startFanout(trx, ctx, { event: 'incident.updated', keyPart, subjectId, componentIds, notice });
 * // later, in the worker:
 * await expandFanouts({ ctx, pageSize: 2000 });
 */
import type { Notice } from '#src/domain/notification-notice.ts';
import type { ServiceContext, Tx } from './context.ts';
import { subscriberPage } from './notification-recipients.ts';
import { writeOutboxRows } from './outbox-rows.ts';

/** Subscribers written inside the event's own transaction: small fan-outs finish right there. */
export const inlinePageSize = 500;

export interface FanoutIntent {
  event: string;
  keyPart: string;
  subjectId: string;
  componentIds: readonly string[];
  notice: Notice;
}

type Ctx = Pick<ServiceContext, 'db' | 'dialect' | 'clock' | 'newId'>;

/** Records the intent and expands its first page; returns the outbox rows written now. */
export async function startFanout(trx: Tx, ctx: Ctx, intent: FanoutIntent): Promise<number> {
  const now = ctx.clock().toISOString();
  const id = ctx.newId();
  const result = await trx
    .insertInto('notification_fanouts')
    .values({
      id,
      event: intent.event,
      key_part: intent.keyPart,
      subject_id: intent.subjectId,
      component_ids: JSON.stringify(intent.componentIds),
      notice: JSON.stringify(intent.notice),
      cursor: '',
      state: 'pending',
      expanded: 0,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['event', 'key_part']).doNothing())
    .executeTakeFirst();
  // The same event fanned out before: its rows exist or its expansion is under way.
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
  return (await expandPage(trx, ctx, id, inlinePageSize)) ?? 0;
}

/**
 * Expands pending fan-outs, oldest first, one page per transaction, until none is left or
 * `maxPages` pages are done; returns the pages done and the outbox rows written.
 */
export async function expandFanouts({
  ctx,
  pageSize = 2000,
  maxPages = Number.POSITIVE_INFINITY,
}: {
  ctx: Ctx;
  pageSize?: number;
  maxPages?: number;
}): Promise<{ pages: number; written: number }> {
  let written = 0;
  let pages = 0;
  for (; pages < maxPages; pages++) {
    const next = await ctx.db
      .selectFrom('notification_fanouts')
      .select('id')
      .where('state', '=', 'pending')
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
    if (!next) break;
    const n = await ctx.db.transaction().execute((trx) => expandPage(trx, ctx, next.id, pageSize));
    // Null: another worker holds this fan-out right now; it carries on with it.
    if (n === null) break;
    written += n;
  }
  return { pages, written };
}

/**
 * Writes one page after the fan-out's cursor and moves the cursor, in the caller's transaction.
 * Returns null when another worker moved the cursor first (its page stands; this one is dropped).
 */
async function expandPage(trx: Tx, ctx: Ctx, id: string, pageSize: number): Promise<number | null> {
  let q = trx
    .selectFrom('notification_fanouts')
    .selectAll()
    .where('id', '=', id)
    .where('state', '=', 'pending');
  if (ctx.dialect === 'postgres') q = q.forUpdate().skipLocked();
  const f = await q.executeTakeFirst();
  if (!f) return null;
  const componentIds = parseIds(f.component_ids);
  const page = await subscriberPage(trx, componentIds, f.cursor, pageSize);
  const written = await writeOutboxRows(trx, ctx, {
    event: f.event,
    notice: JSON.parse(f.notice) as Notice,
    keyPart: f.key_part,
    subjectId: f.subject_id,
    recipients: page,
  });
  const last = page.at(-1);
  const moved = await trx
    .updateTable('notification_fanouts')
    .set({
      cursor: last ? last.recipientId : f.cursor,
      state: page.length < pageSize ? 'done' : 'pending',
      expanded: f.expanded + written,
      updated_at: ctx.clock().toISOString(),
    })
    .where('id', '=', id)
    .where('cursor', '=', f.cursor)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) throw new Error('fan-out cursor moved by another worker');
  return written;
}

function parseIds(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
