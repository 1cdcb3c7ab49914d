/**
 * @module Assigns an open report to a staff member (or nobody, `assigneeId: null`). Only active
 * staff accounts can be assignees; a closed report keeps whoever handled it.
 */
import type { ServiceContext } from './context.ts';
import { fieldRefused, moveReport, openReportStates } from './report-transition.ts';

export async function assignReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { reportId: string; assigneeId: string | null };
}) {
  const { assigneeId } = input;
  if (assigneeId !== null) {
    const user = await ctx.db
      .selectFrom('users')
      .select(['id', 'disabled'])
      .where('id', '=', assigneeId)
      .executeTakeFirst();
    if (user?.disabled !== 0) {
      throw fieldRefused('assigneeId', 'console.reports.error.unknownAssignee', { id: assigneeId });
    }
  }
  await ctx.db.transaction().execute((trx) =>
    moveReport(trx, ctx, {
      reportId: input.reportId,
      from: openReportStates,
      to: 'closed',
      set: { assignee_id: assigneeId },
      action: 'report.assign',
      detail: { assigneeId },
      refusal: 'console.reports.error.closed',
    }),
  );
}
