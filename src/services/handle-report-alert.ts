/**
 * @module Acknowledge ("we are looking at it": the banner goes, new reports still collect on the
 * alert) or dismiss ("no outage": the alert ends; later reports may raise a new one) a
 * "possible outage" alert. Conditional on the alert still being active.
 */
import { DialtoneError, notFound } from '#src/domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { fieldRefused } from './report-transition.ts';
import { writeAudit } from './write-audit.ts';

const moves = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  dismiss: { from: ['open', 'acknowledged'], to: 'dismissed' },
} as const;

export async function handleReportAlert({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { alertId: string; action: string };
}) {
  if (input.action !== 'acknowledge' && input.action !== 'dismiss') {
    throw fieldRefused('action', 'error.notOneOf', { allowed: 'acknowledge, dismiss' });
  }
  const move = moves[input.action];
  const now = ctx.clock().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('report_alerts')
      .set({ state: move.to, handled_by: ctx.actor.label, updated_at: now })
      .where('id', '=', input.alertId)
      .where('state', 'in', [...move.from])
      .returning('id')
      .executeTakeFirst();
    if (!updated) {
      const row = await trx
        .selectFrom('report_alerts')
        .select('state')
        .where('id', '=', input.alertId)
        .executeTakeFirst();
      if (!row) throw notFound('report_alert', input.alertId);
      throw new DialtoneError('invalid_transition', 'console.reports.error.alertHandled', {
        params: { state: row.state },
      });
    }
    await writeAudit(trx, ctx, {
      action: `report_alert.${input.action}`,
      subjectType: 'report_alert',
      subjectId: input.alertId,
    });
  });
}
