/**
 * @module Reminders before a maintenance window starts (by default 72 h and 1 h before). Run by
 * the scheduler every minute; idempotent through the outbox's idempotency key
 * (`maintenance.reminder:<id>:<hours>h:…`), so running it twice, or in two processes, sends each
 * reminder once. A reminder is only sent inside its own stretch of time: a window scheduled two
 * hours ahead gets the 1-hour reminder but no "in 3 days" one, and a job that was down does not
 * send a stale reminder once the next one is due.
 */

import type { ServiceContext } from '#src/services/context.ts';
import { enqueueNotifications } from '#src/services/enqueue-notifications.ts';

const hourMs = 3_600_000;

/** Which reminder (hours before start) is due now for a window, if any. Hours sorted descending. */
export function dueReminder(
  hours: readonly number[],
  window: { createdAt: Date; start: Date },
  now: Date,
): number | null {
  const sorted = [...hours].sort((a, b) => b - a);
  for (let i = 0; i < sorted.length; i++) {
    const h = sorted[i] ?? 0;
    const from = window.start.getTime() - h * hourMs;
    const until = window.start.getTime() - (sorted[i + 1] ?? 0) * hourMs;
    // Scheduled after this reminder's moment: the "scheduled" message already told people.
    if (window.createdAt.getTime() > from) continue;
    if (now.getTime() >= from && now.getTime() < until) return h;
  }
  return null;
}

export async function sendMaintenanceReminders({
  ctx,
  hours,
}: {
  ctx: ServiceContext;
  hours: readonly number[];
}): Promise<{ reminded: number }> {
  if (hours.length === 0) return { reminded: 0 };
  const now = ctx.clock();
  const horizon = new Date(now.getTime() + Math.max(...hours) * hourMs).toISOString();
  const windows = await ctx.db
    .selectFrom('maintenances')
    .select(['id', 'created_at', 'scheduled_start'])
    .where('status', '=', 'scheduled')
    .where('scheduled_start', '>', now.toISOString())
    .where('scheduled_start', '<=', horizon)
    .execute();
  let reminded = 0;
  for (const w of windows) {
    const h = dueReminder(
      hours,
      { createdAt: new Date(w.created_at), start: new Date(w.scheduled_start) },
      now,
    );
    if (h === null) continue;
    const inserted = await ctx.db.transaction().execute((trx) =>
      enqueueNotifications(trx, ctx, {
        event: 'maintenance.reminder',
        maintenanceId: w.id,
        hoursBefore: h,
      }),
    );
    if (inserted > 0) reminded++;
  }
  return { reminded };
}
