/**
 * @module Triage: a staff member has read a new report and confirmed it belongs in the inbox
 * (new → triaged).
 */
import type { ServiceContext } from './context.ts';
import { moveReport } from './report-transition.ts';

export async function triageReport({ ctx, input }: { ctx: ServiceContext; input: { reportId: string } }) {
  await ctx.db.transaction().execute((trx) =>
    moveReport(trx, ctx, {
      reportId: input.reportId,
      from: ['new'],
      to: 'triaged',
      set: { state: 'triaged' },
      action: 'report.triage',
    }),
  );
}
