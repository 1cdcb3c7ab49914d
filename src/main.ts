/**
 * @module Wiring only: config → store → services → web and jobs. `startDialtone` is what
 * `dialtone serve` (and `npm start`) runs; it returns a handle whose stop() shuts down gracefully:
 * stop accepting, finish requests, stop jobs, close the database.
 */
import pino, { type Logger } from 'pino';
import { startTelemetry } from './adapters/hep/start-telemetry.ts';
import { createIdGenerator } from './adapters/ids.ts';
import { openStore, type Store } from './adapters/store/open-store.ts';
import type { Config } from './config/env.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { startDetectors } from './jobs/start-detectors.ts';
import { startMonitors } from './jobs/start-monitors.ts';
import { startNotifications } from './jobs/start-notifications.ts';
import { advanceMaintenanceSchedule } from './services/advance-maintenance-schedule.ts';
import { type ServiceContext, systemActor } from './services/context.ts';
import { detectReportClusters } from './services/detect-report-clusters.ts';
import { eraseExpiredReports } from './services/erase-expired-reports.ts';
import { issueSetupToken } from './services/issue-setup-token.ts';
import { purgeUnconfirmedSubscribers } from './services/purge-unconfirmed-subscribers.ts';
import { refreshComponentStatus } from './services/refresh-component-status.ts';
import { seedTriageTrees } from './services/seed-triage-trees.ts';
import { buildApp } from './web/app.ts';
import type { AppDeps } from './web/deps.ts';

export interface Running {
  url: string;
  store: Store;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Seed the demo catalog when the catalog is empty. */
  seed?: (ctx: ServiceContext) => Promise<void>;
  logger?: Logger;
}

/** How often due maintenance windows are started and ended (ms). */
const maintenanceTickMs = 5_000;
/** How often report clusters are looked for (ms). */
const reportClusterTickMs = 30_000;
/** How often the report retention job runs (ms): hourly; a day's delay matters nobody. */
const reportRetentionTickMs = 3_600_000;

export async function startDialtone(config: Config, options: StartOptions = {}): Promise<Running> {
  const log = options.logger ?? createLogger(config.logLevel);
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    onIdleError: (err) => log.warn({ err }, 'database dropped an idle connection'),
  });
  log.info({ database: store.dialect, location: store.location }, 'database ready');
  const deps: AppDeps = { store, config, clock: () => new Date(), newId: createIdGenerator() };
  const systemCtx: ServiceContext = {
    db: store.db,
    dialect: store.dialect,
    clock: deps.clock,
    newId: deps.newId,
    actor: systemActor,
  };

  if (options.seed) await options.seed(systemCtx);
  // The shipped self-check trees go into an empty database once; afterwards admins edit them.
  await seedTriageTrees({ ctx: systemCtx });
  await store.db.transaction().execute((trx) => refreshComponentStatus(trx, systemCtx));

  const app = await buildApp(deps, { logger: log });
  // HEP collector (docs/TELEMETRY.md): listens before the jobs start; its jobs reload peers, prune.
  const telemetry = await startTelemetry({ config, ctx: systemCtx, log });
  // Outbox delivery worker and reminders (docs/NOTIFICATIONS.md).
  const notifications = startNotifications({ config, store, ctx: systemCtx, log });
  // Detector loop: telemetry, probe states, report clusters → alerts → incidents (docs/ALERTS.md).
  const detectors = startDetectors({ config, ctx: systemCtx, log });
  // Probe runner (lease-held), watchdog, check retention (docs/MONITORS.md).
  const monitors = startMonitors({ config, ctx: systemCtx, log });
  const scheduler = startScheduler(
    [
      ...monitors.jobs,
      ...telemetry.jobs,
      ...notifications.jobs,
      ...detectors.jobs,
      {
        name: 'maintenance-schedule',
        everyMs: maintenanceTickMs,
        run: () => advanceMaintenanceSchedule({ ctx: systemCtx }),
      },
      // A crowd of reports on one service raises "possible outage" without anyone opening the inbox.
      {
        name: 'report-clusters',
        everyMs: reportClusterTickMs,
        run: () => detectReportClusters({ ctx: systemCtx }),
      },
      // Subscription requests nobody confirmed are forgotten a day after expiry (docs/SUBSCRIBERS.md).
      {
        name: 'unconfirmed-subscribers',
        everyMs: 3_600_000,
        run: () => purgeUnconfirmedSubscribers({ ctx: systemCtx }),
      },
      // Personal data of reports closed longer ago than the retention period (docs/DATA-PROTECTION.md).
      {
        name: 'report-retention',
        everyMs: reportRetentionTickMs,
        run: () =>
          eraseExpiredReports({ ctx: systemCtx, input: { retentionDays: config.reportRetentionDays } }),
      },
    ],
    log,
  );
  const address = await app.listen({ port: config.port, host: config.host });
  const port = Number(new URL(address).port);
  const url =
    config.publicUrl.replace(/:\d+$/, '').includes('localhost') && port !== config.port
      ? `http://localhost:${port}`
      : config.publicUrl;
  log.info({ url }, 'dialtone is listening');
  console.log(`\n  dialtone is running at ${url}\n`);
  const setup = await issueSetupToken({ ctx: systemCtx });
  if (setup) {
    console.log(
      `  No user exists yet. Create the first admin (link valid 24 h, once):\n  ${url}/console/setup?token=${setup.token}\n`,
    );
  }

  let stopping: Promise<void> | null = null;
  return {
    url,
    store,
    stop() {
      stopping ??= (async () => {
        await app.close();
        await scheduler.stop();
        await monitors.stop();
        await notifications.stop();
        detectors.stop();
        await telemetry.stop();
        await store.close();
        log.info('dialtone stopped');
      })();
      return stopping;
    },
  };
}

/**
 * JSON lines for machines; on a terminal (someone ran `npm start`) readable lines instead, when
 * pino-pretty is installed (a development dependency: absent with `npm install --omit=dev`).
 */
function createLogger(level: string): Logger {
  if (process.stdout.isTTY) {
    try {
      import.meta.resolve('pino-pretty');
      return pino({
        level,
        transport: {
          target: 'pino-pretty',
          options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
        },
      });
    } catch {
      // not installed: plain JSON below
    }
  }
  return pino({ level });
}
