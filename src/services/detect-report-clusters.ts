/**
 * @module Runs the report-cluster planner over the reports nobody has linked yet and stores the
 * result: new "possible outage" alerts, and new reports added to a service's active alert. The
 * unique report id in `report_alert_reports` makes a concurrent second run fail instead of
 * raising the same cluster twice; that run then reports nothing new.
 */
import { type ClusterOptions, defaultClusterOptions, planClusters } from '#src/domain/report-cluster.ts';
import type { ServiceContext } from './context.ts';
import { isUniqueViolation } from './unique-violation.ts';
import { writeAudit } from './write-audit.ts';

/** Alerts still asking for attention or being looked at. */
export const activeAlertStates = ['open', 'acknowledged'] as const;

export async function detectReportClusters({
  ctx,
  input = {},
}: {
  ctx: ServiceContext;
  input?: { options?: Partial<ClusterOptions> };
}): Promise<{ raised: string[]; attached: number }> {
  const options = { ...defaultClusterOptions, ...input.options };
  const now = ctx.clock();
  const since = new Date(now.getTime() - options.lookbackMs).toISOString();
  const [reports, alerts] = await Promise.all([
    ctx.db
      .selectFrom('reports')
      .leftJoin('report_alert_reports', 'report_alert_reports.report_id', 'reports.id')
      .select(['reports.id', 'reports.service_id', 'reports.created_at'])
      .where('reports.state', 'in', ['new', 'triaged'])
      .where('reports.incident_id', 'is', null)
      .where('reports.created_at', '>=', since)
      .where('report_alert_reports.report_id', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('report_alerts')
      .select(['id', 'service_id'])
      .where('state', 'in', [...activeAlertStates])
      .execute(),
  ]);
  const plan = planClusters(
    reports.map((r) => ({ id: r.id, serviceId: r.service_id, createdAt: r.created_at })),
    alerts.map((a) => ({ id: a.id, serviceId: a.service_id })),
    now,
    options,
  );
  if (plan.raise.length === 0 && plan.attach.length === 0) return { raised: [], attached: 0 };
  try {
    return await store(ctx, plan);
  } catch (e) {
    if (isUniqueViolation(e)) return { raised: [], attached: 0 };
    throw e;
  }
}

async function store(ctx: ServiceContext, plan: ReturnType<typeof planClusters>) {
  const now = ctx.clock().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const raised: string[] = [];
    for (const c of plan.raise) {
      const id = ctx.newId();
      await trx
        .insertInto('report_alerts')
        .values({
          id,
          service_id: c.serviceId,
          state: 'open',
          report_count: c.reportIds.length,
          first_report_at: c.firstAt,
          last_report_at: c.lastAt,
          incident_id: null,
          handled_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('report_alert_reports')
        .values(c.reportIds.map((reportId) => ({ alert_id: id, report_id: reportId })))
        .execute();
      await writeAudit(trx, ctx, {
        action: 'report_alert.raise',
        subjectType: 'report_alert',
        subjectId: id,
        detail: { serviceId: c.serviceId, reportIds: c.reportIds },
      });
      raised.push(id);
    }
    let attached = 0;
    for (const a of plan.attach) {
      await trx
        .insertInto('report_alert_reports')
        .values(a.reportIds.map((reportId) => ({ alert_id: a.alertId, report_id: reportId })))
        .execute();
      await trx
        .updateTable('report_alerts')
        .set((eb) => ({
          report_count: eb('report_count', '+', a.reportIds.length),
          last_report_at: a.lastAt,
          updated_at: now,
        }))
        .where('id', '=', a.alertId)
        .execute();
      attached += a.reportIds.length;
    }
    return { raised, attached };
  });
}
