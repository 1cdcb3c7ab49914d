/**
 * @module Starts and ends maintenance windows at their times. Run by the scheduler every few
 * seconds and after each scheduling; idempotent (conditional updates), so several dialtone
 * processes on one PostgreSQL may run it at once.
 */
import { DialtoneError } from '#src/domain/errors.ts';
import { dueTransition } from '#src/domain/maintenance.ts';
import { type ServiceContext, systemActor } from './context.ts';
import { applyMaintenanceTransition } from './maintenance-transition.ts';
import { writeAudit } from './write-audit.ts';

export async function advanceMaintenanceSchedule({ ctx }: { ctx: ServiceContext }) {
  const now = ctx.clock();
  const candidates = await ctx.db
    .selectFrom('maintenances')
    .select(['id', 'status', 'scheduled_start', 'scheduled_end'])
    .where('status', 'in', ['scheduled', 'in_progress'])
    .where('scheduled_start', '<=', now.toISOString())
    .execute();
  const system = { ...ctx, actor: systemActor };
  const moved: { id: string; to: string }[] = [];
  for (const m of candidates) {
    const to = dueTransition(
      {
        status: m.status,
        scheduledStart: new Date(m.scheduled_start),
        scheduledEnd: new Date(m.scheduled_end),
      },
      now,
    );
    if (!to) continue;
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await applyMaintenanceTransition(trx, system, m.id, m.status, to, { de: '', en: '' });
        await writeAudit(trx, system, {
          action: `maintenance.${to}`,
          subjectType: 'maintenance',
          subjectId: m.id,
          detail: { from: m.status, to, automatic: true },
        });
      });
      moved.push({ id: m.id, to });
    } catch (e) {
      // Another process moved it first: nothing to do.
      if (!(e instanceof DialtoneError && e.code === 'conflict')) throw e;
    }
  }
  return { moved };
}
