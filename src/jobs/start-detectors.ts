/**
 * @module Wires the detector loop into a running dialtone: a unique lease holder for this process,
 * its liveness registration (the watchdog reports it when it stalls), the firing-alert gauge on
 * /metrics, and the scheduler job. stop() forgets the liveness part (a stop is not a stall).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '#src/config/env.ts';
import { defaultSettleMs } from '#src/domain/detectors/evaluate.ts';
import { alignWindow } from '#src/domain/detectors/windows.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { pruneAlerts } from '#src/services/prune-alerts.ts';
import { detectorEveryMs, detectorLoopName, runDetectors } from './detector-loop.ts';
import { watchFiringAlerts } from './detector-metrics.ts';
import { liveness } from './liveness.ts';
import type { Job } from './scheduler.ts';

/** How often the loop looks whether a new window has closed (ms). */
const tickMs = 1_000;

export function startDetectors(o: {
  config: Config;
  ctx: ServiceContext;
  log: Pick<Logger, 'error' | 'warn'>;
}) {
  // DIALTONE_DETECTORS=false: another process evaluates (it would hold the lease anyway).
  if (!o.config.detectorsEnabled) return { jobs: [] as Job[], stop() {} };
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  liveness.register(detectorLoopName, detectorEveryMs);
  const unwatch = watchFiringAlerts(o.ctx.db);
  const settleMs = defaultSettleMs;
  let lastEnd = 0;
  const jobs: Job[] = [
    {
      name: detectorLoopName,
      everyMs: tickMs,
      // Ticks every second, evaluates once per window: right after the collector has written a
      // closed window (settleMs), not up to a whole period later on a tick of its own phase.
      run: async () => {
        const end = alignWindow(o.ctx.clock().getTime() - settleMs);
        if (end <= lastEnd) {
          liveness.beat(detectorLoopName);
          return null;
        }
        lastEnd = end;
        return runDetectors({
          ctx: o.ctx,
          holder,
          timeZone: o.config.defaultTimeZone,
          log: o.log,
          liveness,
          settleMs,
          verifyMs: o.config.verifyMinutes * 60_000,
        });
      },
    },
    // Resolved alerts older than the hourly telemetry (400 days) go.
    { name: 'alert-retention', everyMs: 3_600_000, run: () => pruneAlerts({ ctx: o.ctx }) },
  ];
  return {
    jobs,
    stop() {
      liveness.unregister(detectorLoopName);
      unwatch();
    },
  };
}
