/**
 * @module The retention job: erases the personal data of reports closed longer ago than the
 * retention period (DIALTONE_REPORT_RETENTION_DAYS, default 180 days). Runs on a schedule; safe to
 * run any number of times and in several processes at once (only reports not yet erased are
 * touched). Works in batches so one run never holds a long transaction.
 */
import type { ServiceContext } from './context.ts';
import { eraseReportsIn } from './erase-report-personal-data.ts';
import { writeAudit } from './write-audit.ts';

const batchSize = 500;
const dayMs = 86_400_000;

export async function eraseExpiredReports({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { retentionDays: number };
}): Promise<{ erased: number }> {
  const cutoff = new Date(ctx.clock().getTime() - input.retentionDays * dayMs).toISOString();
  let erased = 0;
  for (;;) {
    const n = await ctx.db.transaction().execute(async (trx) => {
      const due = await trx
        .selectFrom('reports')
        .select('id')
        .where('erased_at', 'is', null)
        .where('state', '=', 'closed')
        .where('closed_at', '<=', cutoff)
        .orderBy('closed_at')
        .limit(batchSize)
        .execute();
      const count = await eraseReportsIn(
        trx,
        ctx,
        due.map((r) => r.id),
      );
      // How many, never whose: the audit log must not keep what was erased.
      if (count > 0)
        await writeAudit(trx, ctx, {
          action: 'report.retention_erase',
          subjectType: 'report',
          subjectId: null,
          detail: { reports: count, retentionDays: input.retentionDays, closedBefore: cutoff },
        });
      return { selected: due.length, count };
    });
    erased += n.count;
    if (n.selected < batchSize || n.count === 0) return { erased };
  }
}
