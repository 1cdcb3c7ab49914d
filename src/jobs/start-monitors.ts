/**
 * @module Starts the monitoring parts of a process: the probe runner (unless DIALTONE_PROBES is
 * false; with several processes the lease decides which one probes), the watchdog with its
 * optional dead-man heartbeat, and the check-retention job for the scheduler. `startDialtone`
 * adds the jobs to its scheduler and calls stop() on shutdown.
 */
import type { Config } from '#src/config/env.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { pruneMonitorChecks } from '#src/services/prune-monitor-checks.ts';
import { liveness } from './liveness.ts';
import { createProbeRunner } from './probe-runner.ts';
import type { Job } from './scheduler.ts';
import { createWatchdog, type JobLog } from './watchdog.ts';

/** Checks older than 14 days are deleted once an hour (ms). */
const retentionEveryMs = 3_600_000;

export interface Monitors {
  jobs: Job[];
  stop(): Promise<void>;
}

export function startMonitors(args: { config: Config; ctx: ServiceContext; log: JobLog }): Monitors {
  const { config, ctx, log } = args;
  const runner = config.probesEnabled ? createProbeRunner({ ctx, log, liveness, env: process.env }) : null;
  runner?.start();
  const watchdog = createWatchdog({
    liveness,
    clock: ctx.clock,
    log,
    deadMan: config.watchdogUrl
      ? {
          url: config.watchdogUrl,
          everyMs: config.watchdogIntervalSeconds * 1000,
          allowPrivate: config.outboundAllowPrivate,
        }
      : undefined,
  });
  watchdog.start();
  return {
    jobs: [
      { name: 'monitor-check-retention', everyMs: retentionEveryMs, run: () => pruneMonitorChecks({ ctx }) },
    ],
    async stop() {
      await watchdog.stop();
      await runner?.stop();
    },
  };
}
