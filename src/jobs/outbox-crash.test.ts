/**
 * Crash test: a delivery worker in a child process is killed with SIGKILL in the middle of a batch
 * of 1,000 messages, a new one starts, and every message arrives exactly once at a real SMTP server
 * (raw arrivals counted, no de-duplication). The kill comes while every SMTP connection is inside
 * DATA, waiting for the server's answer: by the worker's design (a lane marks a message sent before
 * it sends its next one), every message accepted before that moment is already marked. The window
 * this leaves is documented in docs/NOTIFICATIONS.md ("Delivery guarantee").
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { seedMiniCatalog, testContext } from '../../test/support/factories.ts';
import { skipOrFail } from '../../test/support/peers.ts';
import { postgresAvailable, startPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { startSmtpSink } from '../../test/support/smtp.ts';

const total = 1000;
const holdAfter = 450;
const lanes = 5;
const leaseMs = 3000;
const childScript = join(import.meta.dirname, '../../test/support/outbox-worker-process.ts');

let pg: TestPostgres | null = null;
afterAll(() => pg?.stop());

async function seed(store: Store) {
  await seedMiniCatalog(store);
  const at = '2026-11-01T00:00:00.000Z';
  for (let i = 0; i < total; i += 250) {
    await store.db
      .insertInto('subscribers')
      .values(
        Array.from({ length: 250 }, (_, j) => ({
          id: `s${String(i + j).padStart(4, '0')}`,
          kind: 'email' as const,
          address: `c${i + j}@example.net`,
          locale: (i + j) % 2 ? ('en' as const) : ('de' as const),
          scope: 'all' as const,
          state: 'confirmed' as const,
          confirm_hash: null,
          confirm_expires_at: null,
          confirm_failures: 0,
          secret: null,
          created_at: at,
          updated_at: at,
          confirmed_at: at,
          unsubscribed_at: null,
        })),
      )
      .execute();
  }
  await declareIncident({
    ctx: testContext(store),
    input: {
      title: { de: 'Störung Festnetz', en: 'Fixed network outage' },
      components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
      message: { de: 'Wir untersuchen.', en: 'Investigating.' },
    },
  });
}

function startWorker(env: Record<string, string>, id: string): ChildProcess {
  const child = spawn(process.execPath, [childScript], {
    env: {
      ...process.env,
      OUTBOX_LEASE_MS: String(leaseMs),
      OUTBOX_CONCURRENCY: String(lanes),
      ...env,
      OUTBOX_WORKER_ID: id,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()),
  );

/** Polls until the condition holds (or fails the test after `timeoutMs`). */
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function crashScenario(store: Store, env: Record<string, string>) {
  await seed(store);
  let phase: 'before' | 'holding' | 'after' = 'before';
  const held: ((accept: boolean) => void)[] = [];
  let lastHeldAt = 0;
  const sink = await startSmtpSink({
    countOnly: true,
    beforeAccept: async () => {
      if (phase === 'after' || (phase === 'before' && sink.messageIds.length < holdAfter)) return true;
      phase = 'holding';
      lastHeldAt = Date.now();
      return new Promise<boolean>((resolve) => held.push(resolve));
    },
  });
  const smtp = { ...env, OUTBOX_SMTP_URL: sink.url };
  let worker = startWorker(smtp, 'first');
  try {
    // Every lane inside DATA; or, on a slow machine where some lanes ended their batch at its
    // deadline (having recorded their last message), no new mail for 2 s.
    await until(
      'every sending connection waiting in DATA',
      () => held.length >= lanes || (held.length > 0 && Date.now() - lastHeldAt > 2000),
    );
    worker.kill('SIGKILL');
    await exited(worker);
    const acceptedAtKill = sink.messageIds.length;
    // The dead worker never hears an answer: these mails are refused, not delivered.
    phase = 'after';
    for (const release of held.splice(0)) release(false);
    expect(acceptedAtKill).toBeGreaterThanOrEqual(holdAfter);
    expect(acceptedAtKill).toBeLessThan(total);

    worker = startWorker(smtp, 'second');
    const pending = async () =>
      Number(
        (
          await store.db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('state', '=', 'pending')
            .executeTakeFirstOrThrow()
        ).n,
      );
    await until('all mails sent', async () => sink.messageIds.length >= total && (await pending()) === 0);
    worker.kill('SIGTERM');
    await exited(worker);
    // Every row is sent, every mail arrived once: raw arrivals, no de-duplication.
    expect(sink.messageIds).toHaveLength(total);
    expect(new Set(sink.messageIds).size).toBe(total);
    const sent = await store.db
      .selectFrom('notifications')
      .select('id')
      .where('state', '=', 'sent')
      .execute();
    expect(new Set(sink.messageIds)).toEqual(new Set(sent.map((r) => `<${r.id}@example.net>`)));
  } finally {
    if (worker.exitCode === null && !worker.signalCode) worker.kill('SIGKILL');
    await sink.close();
  }
}

describe('outbox crash [sqlite]', () => {
  it('delivers every message exactly once after a SIGKILL in the middle of a batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dialtone-crash-'));
    const file = join(dir, 'crash.sqlite');
    const store = await openStore({ sqliteFile: file });
    try {
      await crashScenario(store, { OUTBOX_SQLITE_FILE: file });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

const missing = postgresAvailable();
describe.skipIf(missing !== null && skipOrFail('PostgreSQL', missing) !== null)(
  'outbox crash [postgres]',
  () => {
    it('delivers every message exactly once after a SIGKILL in the middle of a batch', async () => {
      pg ??= await startPostgres();
      const url = pg.createDatabase(`crash${process.pid}`);
      const store = await openStore({ databaseUrl: url });
      try {
        await crashScenario(store, { OUTBOX_DATABASE_URL: url });
      } finally {
        await store.close();
      }
    }, 120_000);

    it('lets two worker processes share 1,000 messages, each sent once', async () => {
      pg ??= await startPostgres();
      const url = pg.createDatabase(`shared${process.pid}`);
      const store = await openStore({ databaseUrl: url });
      const sink = await startSmtpSink({ countOnly: true });
      // Both live the whole time: a claim long enough that a slow send never outlives it.
      const env = {
        OUTBOX_DATABASE_URL: url,
        OUTBOX_SMTP_URL: sink.url,
        OUTBOX_BATCH: '50',
        OUTBOX_LEASE_MS: '60000',
      };
      const workers = [startWorker(env, 'one'), startWorker(env, 'two')];
      try {
        await seed(store);
        await until('all mails sent', () => sink.messageIds.length >= total);
        for (const w of workers) w.kill('SIGTERM');
        await Promise.all(workers.map(exited));
        expect(sink.messageIds).toHaveLength(total);
        expect(new Set(sink.messageIds).size).toBe(total);
        const byWorker = await store.db
          .selectFrom('notification_attempts')
          .select(['worker', (eb) => eb.fn.countAll().as('n')])
          .groupBy('worker')
          .orderBy('worker')
          .execute();
        expect(byWorker.map((r) => r.worker)).toEqual(['one', 'two']);
      } finally {
        for (const w of workers) if (w.exitCode === null && !w.signalCode) w.kill('SIGKILL');
        await sink.close();
        await store.close();
      }
    }, 120_000);
  },
);
