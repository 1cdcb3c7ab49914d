/**
 * @module Closes an open report with a reason (local cause, another carrier's line, resolved,
 * duplicate, not reportable here) and an optional internal note in the same transaction.
 */
import { authorOf, type ServiceContext } from './context.ts';
import {
  checkText,
  closeReasons,
  fieldRefused,
  isCloseReason,
  moveReport,
  openReportStates,
} from './report-transition.ts';

export async function closeReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { reportId: string; reason: string; note?: string | undefined };
}) {
  if (!isCloseReason(input.reason)) {
    throw fieldRefused('reason', 'error.notOneOf', { allowed: closeReasons.join(', ') });
  }
  const note = input.note?.trim() ? checkText('note', input.note) : null;
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await moveReport(trx, ctx, {
      reportId: input.reportId,
      from: openReportStates,
      to: 'closed',
      set: { state: 'closed', close_reason: input.reason, closed_at: now },
      action: 'report.close',
      detail: { reason: input.reason },
    });
    if (note) {
      await trx
        .insertInto('report_comments')
        .values({
          id: ctx.newId(),
          report_id: input.reportId,
          author: authorOf(ctx.actor),
          body: note,
          created_at: now,
        })
        .execute();
    }
  });
}
