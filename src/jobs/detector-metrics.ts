/**
 * @module Alert metrics on the process-wide /metrics registry: alerts raised and cleared by the
 * detector loop and its passes, and — read from the store at each scrape — how many fire now.
 */
import { metrics } from '#src/adapters/metrics/registry.ts';
import type { Tx } from '#src/services/context.ts';

export const alertMetrics = {
  raised: metrics.counter('dialtone_alerts_raised_total', 'Alerts raised by the detector loop.', [
    'source',
    'severity',
  ]),
  cleared: metrics.counter('dialtone_alerts_cleared_total', 'Alerts cleared by the detector loop.'),
  passes: metrics.counter(
    'dialtone_detector_passes_total',
    'Detector loop passes that evaluated (held the lease).',
  ),
  firing: metrics.gauge('dialtone_alerts_firing', 'Alerts firing now.', ['severity']),
};

/** Reads the firing alerts by severity before each scrape. */
export function watchFiringAlerts(db: Tx): () => void {
  return metrics.onCollect(async () => {
    const rows = await db
      .selectFrom('alerts')
      .select(['severity', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('state', '=', 'firing')
      .groupBy('severity')
      .execute();
    for (const severity of ['warning', 'critical']) {
      alertMetrics.firing.set({ severity }, Number(rows.find((r) => r.severity === severity)?.n ?? 0));
    }
  });
}
