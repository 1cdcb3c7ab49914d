/**
 * @module Wiring of telemetry for `startDialtone`: the HEP collector (when `DIALTONE_HEP_PORT` is
 * not 0) writing closed windows to the store, its counters on /metrics, its liveness, and two
 * jobs: reloading the peers from the catalog (so an applied catalog takes effect within 10 s)
 * and retention (raw windows 14 days, hourly roll-ups 400 days).
 */
import type { Logger } from 'pino';
import type { Config } from '#src/config/env.ts';
import { PeerMatcher } from '#src/domain/peer-address.ts';
import { liveness } from '#src/jobs/liveness.ts';
import type { Job } from '#src/jobs/scheduler.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { pruneTelemetry } from '#src/services/prune-telemetry.ts';
import { recordTelemetryWindows } from '#src/services/record-telemetry-windows.ts';
import { metrics } from '../metrics/registry.ts';
import { type HepCollector, startHepCollector } from './collector.ts';
import { bindCollectorMetrics } from './collector-metrics.ts';

export interface Telemetry {
  collector: HepCollector | null;
  jobs: Job[];
  stop(): Promise<void>;
}

const peerReloadMs = 10_000;
const retentionEveryMs = 3_600_000;

export async function startTelemetry(options: {
  config: Pick<Config, 'hepPort' | 'hepHost' | 'hepAuthKey'>;
  ctx: ServiceContext;
  log: Pick<Logger, 'warn' | 'error' | 'info'>;
}): Promise<Telemetry> {
  const { config, ctx, log } = options;
  const loadPeers = async () =>
    new PeerMatcher(await ctx.db.selectFrom('telemetry_peers').select(['id', 'match', 'port']).execute());
  let matcher = await loadPeers();
  const jobs: Job[] = [
    { name: 'telemetry-retention', everyMs: retentionEveryMs, run: () => pruneTelemetry({ ctx }) },
  ];
  if (config.hepPort === 0) {
    log.info('HEP collector off (DIALTONE_HEP_PORT=0)');
    return { collector: null, jobs, stop: async () => {} };
  }
  jobs.push({
    name: 'telemetry-peers',
    everyMs: peerReloadMs,
    run: async () => {
      matcher = await loadPeers();
    },
  });
  let collector: HepCollector;
  try {
    collector = await startHepCollector({
      host: config.hepHost,
      port: config.hepPort,
      authKey: config.hepAuthKey,
      matcher: () => matcher,
      onWindows: (windows) => recordTelemetryWindows({ ctx, input: { windows } }),
      log,
      liveness,
    });
  } catch (err) {
    // Another process on this host holds the port (scale-out: one process collects) or the
    // address is wrong: the rest of dialtone runs; the error says what to change.
    log.error(
      { err, port: config.hepPort, host: config.hepHost },
      'HEP collector not started: the port is taken or the address is not local (DIALTONE_HEP_PORT, DIALTONE_HEP_HOST)',
    );
    return { collector: null, jobs, stop: async () => {} };
  }
  const unbind = bindCollectorMetrics(metrics, collector);
  return {
    collector,
    jobs,
    async stop() {
      await collector.stop();
      unbind();
    },
  };
}
