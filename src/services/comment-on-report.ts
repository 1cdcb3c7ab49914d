/**
 * @module An internal comment on a report: only staff see it, never the reporter. Allowed in
 * every state, also on closed reports (notes for the record).
 */
import { authorOf, type ServiceContext } from './context.ts';
import { checkText, moveReport, reportStates } from './report-transition.ts';

export async function commentOnReport({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { reportId: string; body: string };
}) {
  const body = checkText('body', input.body);
  const id = ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    // The "move" within the same state bumps the version, so other open pages see the change.
    await moveReport(trx, ctx, {
      reportId: input.reportId,
      from: reportStates,
      to: 'new',
      set: {},
      action: 'report.comment',
      detail: { commentId: id },
    });
    await trx
      .insertInto('report_comments')
      .values({
        id,
        report_id: input.reportId,
        author: authorOf(ctx.actor),
        body,
        created_at: ctx.clock().toISOString(),
      })
      .execute();
  });
  return { id };
}
