/**
 * @module Starts what delivers notifications: the channel registry, the outbox delivery worker
 * (a continuous loop in this process) and the maintenance reminder job for the scheduler.
 * `startDialtone` adds the jobs to its scheduler and calls stop() on shutdown.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { closeChannels, createChannels } from '#src/adapters/channels/index.ts';
import type { Store } from '#src/adapters/store/open-store.ts';
import type { Config } from '#src/config/env.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { liveness } from './liveness.ts';
import { sendMaintenanceReminders } from './maintenance-reminders.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import type { Job } from './scheduler.ts';

/** How often due reminders are looked for (ms). */
const reminderTickMs = 60_000;
/** The worker beats at least this often while it runs (a batch gives up at half its 120 s claim). */
const workerBeatMs = 90_000;

export interface Notifications {
  jobs: Job[];
  stop(): Promise<void>;
}

export function startNotifications(args: {
  config: Config;
  store: Store;
  ctx: ServiceContext;
  log: {
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
    info(obj: object, msg: string): void;
  };
}): Notifications {
  const { config, store, ctx, log } = args;
  const channels = createChannels(config);
  if (!channels.has('email')) log.info({}, 'notifications: DIALTONE_SMTP_URL not set, mails stay queued');
  const workerId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  liveness.register('outbox-worker', workerBeatMs);
  const worker = createOutboxWorker({
    db: store.db,
    dialect: store.dialect,
    channels,
    clock: ctx.clock,
    workerId,
    settings: {
      publicUrl: config.publicUrl,
      timeZone: config.defaultTimeZone,
      pageName: config.pageName,
      unsubscribeMailto: config.unsubscribeMailto,
    },
    maxAttempts: config.outbox.maxAttempts,
    ratesPerSecond: config.outbox.ratesPerSecond,
    concurrency: config.smtpPoolSize,
    onBeat: () => liveness.beat('outbox-worker'),
    log,
  });
  worker.start();
  return {
    jobs: [
      {
        name: 'maintenance-reminders',
        everyMs: reminderTickMs,
        run: () => sendMaintenanceReminders({ ctx, hours: config.maintenanceReminderHours }),
      },
    ],
    async stop() {
      await worker.stop();
      liveness.unregister('outbox-worker');
      await closeChannels(channels);
    },
  };
}
