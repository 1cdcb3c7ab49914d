/**
 * @module Wires the detector loop into a running dialtone: a unique lease holder for this process,
 * its liveness registration (the watchdog reports it when it stalls), the firing-alert gauge on
 * /metrics, and the scheduler job. stop() forgets the liveness part (a stop is not a stall).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '#src/config/env.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { detectorEveryMs, detectorLoopName, runDetectors } from './detector-loop.ts';
import { watchFiringAlerts } from './detector-metrics.ts';
import { liveness } from './liveness.ts';
import type { Job } from './scheduler.ts';

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
  const jobs: Job[] = [
    {
      name: detectorLoopName,
      everyMs: detectorEveryMs,
      run: () =>
        runDetectors({ ctx: o.ctx, holder, timeZone: o.config.defaultTimeZone, log: o.log, liveness }),
    },
  ];
  return {
    jobs,
    stop() {
      liveness.unregister(detectorLoopName);
      unwatch();
    },
  };
}
