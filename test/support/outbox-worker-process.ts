/**
 * @module A delivery worker in its own process, for the crash test (which SIGKILLs it) and the
 * fan-out benchmark. Configured by environment: `OUTBOX_DATABASE_URL` or `OUTBOX_SQLITE_FILE`,
 * `OUTBOX_SMTP_URL`, `OUTBOX_WORKER_ID`, `OUTBOX_LEASE_MS`, `OUTBOX_CONCURRENCY`. Prints
 * `ready` once it runs; stops on SIGTERM.
 */
import { createEmailChannel } from '#src/adapters/channels/email/index.ts';
import { openStore } from '#src/adapters/store/open-store.ts';
import { createOutboxWorker } from '#src/jobs/outbox-worker.ts';

const env = process.env;
const store = await openStore(
  env.OUTBOX_DATABASE_URL
    ? { databaseUrl: env.OUTBOX_DATABASE_URL }
    : { sqliteFile: env.OUTBOX_SQLITE_FILE ?? '' },
);
const concurrency = Number(env.OUTBOX_CONCURRENCY ?? 5);
const email = createEmailChannel({
  smtpUrl: env.OUTBOX_SMTP_URL ?? '',
  from: 'Status <status@example.net>',
  maxConnections: concurrency,
});
const worker = createOutboxWorker({
  db: store.db,
  dialect: store.dialect,
  channels: new Map([['email', email]]),
  clock: () => new Date(),
  workerId: env.OUTBOX_WORKER_ID ?? `child-${process.pid}`,
  settings: { publicUrl: 'https://status.example.net', timeZone: 'Europe/Berlin', pageName: 'Test' },
  maxAttempts: 8,
  ratesPerSecond: { email: Number(env.OUTBOX_RATE ?? 100_000) },
  concurrency,
  batchSize: Number(env.OUTBOX_BATCH ?? 200),
  leaseMs: Number(env.OUTBOX_LEASE_MS ?? 120_000),
  idleMs: 100,
  log: { warn: (o, m) => console.error(m, o), error: (o, m) => console.error(m, o) },
});
worker.start();
console.log('ready');
process.on('SIGTERM', async () => {
  await worker.stop();
  await email.close?.();
  await store.close();
  process.exit(0);
});
