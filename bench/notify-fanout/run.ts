/**
 * @module Benchmark: one incident update fanned out to 100,000 email subscribers and delivered
 * by the outbox worker (a child process, pooled SMTP) to an SMTP sink on 127.0.0.1. Reports the
 * time of the update's transaction (the operator's wait: it records the fan-out and its first
 * page), the time until the worker has written every outbox row (deferred fan-out), the time from
 * the update to the first and to the last mail at the sink, and messages per second. Baseline in the same run:
 * the same number of mails sent straight through nodemailer's pool to the same sink, no database
 * (the ceiling the outbox can approach). Every process started here is stopped by its PID.
 *
 *   npm run bench:notify-fanout -- [--subscribers 100000] [--lanes 20] [--postgres]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { systemActor } from '#src/services/context.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { seedMiniCatalog } from '../../test/support/factories.ts';
import { startPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '100000' },
    lanes: { type: 'string', default: '20' },
    postgres: { type: 'boolean', default: false },
  },
});
const count = Number(values.subscribers);
const lanes = Number(values.lanes);
const childScript = join(import.meta.dirname, '../../test/support/outbox-worker-process.ts');

async function seedSubscribers(store: Store) {
  const at = '2026-11-01T00:00:00.000Z';
  for (let i = 0; i < count; i += 500) {
    const n = Math.min(500, count - i);
    await store.db
      .insertInto('subscribers')
      .values(
        Array.from({ length: n }, (_, j) => ({
          id: `s${String(i + j).padStart(7, '0')}`,
          kind: 'email' as const,
          address: `customer${i + j}@example.net`,
          locale: (i + j) % 3 === 0 ? ('en' as const) : ('de' as const),
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
}

/** Time (ms since `since`) at which the deferred fan-out of the update was fully written. */
async function fanoutWritten(store: Store, since: number): Promise<number> {
  for (;;) {
    const f = await store.db
      .selectFrom('notification_fanouts')
      .select('state')
      .where('event', '=', 'incident.updated')
      .executeTakeFirst();
    if (f?.state === 'done') return performance.now() - since;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the sink holds `n` mails; returns the time of the first and the last (ms). */
async function arrivals(sink: SmtpSink, n: number, since: number) {
  let first = 0;
  while (sink.messageIds.length < n) {
    if (!first && sink.messageIds.length > 0) first = performance.now() - since;
    await new Promise((r) => setTimeout(r, 5));
  }
  return { first: first || performance.now() - since, last: performance.now() - since };
}

async function baseline(sink: SmtpSink): Promise<number> {
  const transport = nodemailer.createTransport({
    url: sink.url,
    pool: true,
    maxConnections: lanes,
    maxMessages: 1000,
  });
  const start = performance.now();
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      await transport.sendMail({
        from: 'status@example.net',
        to: `customer${i}@example.net`,
        subject: 'Neuigkeiten zur Störung: Telefonie',
        text: 'x'.repeat(1200),
        html: `<p>${'x'.repeat(1500)}</p>`,
      });
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  transport.close();
  return count / ((performance.now() - start) / 1000);
}

async function main() {
  let pg: TestPostgres | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-fanout-'));
  const sink = await startSmtpSink({ countOnly: true });
  let worker: ChildProcess | null = null;
  try {
    const baselineRate = await baseline(sink);
    sink.messageIds.length = 0;

    const env: Record<string, string> = {};
    let store: Store;
    if (values.postgres) {
      pg = await startPostgres();
      env.OUTBOX_DATABASE_URL = pg.createDatabase('fanout');
      store = await openStore({ databaseUrl: env.OUTBOX_DATABASE_URL });
    } else {
      env.OUTBOX_SQLITE_FILE = join(dir, 'fanout.sqlite');
      store = await openStore({ sqliteFile: env.OUTBOX_SQLITE_FILE });
    }
    await seedMiniCatalog(store);
    const ctx = {
      db: store.db,
      dialect: store.dialect,
      clock: () => new Date(),
      newId: createIdGenerator(),
      actor: systemActor,
    };
    const { id } = await declareIncident({
      ctx,
      input: {
        title: { de: 'Eingehende Anrufe gestört', en: 'Incoming calls failing' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir untersuchen.', en: 'Investigating.' },
      },
    });
    await seedSubscribers(store);

    worker = spawn(process.execPath, [childScript], {
      env: {
        ...process.env,
        ...env,
        OUTBOX_SMTP_URL: sink.url,
        OUTBOX_CONCURRENCY: String(lanes),
        OUTBOX_BATCH: '1000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => worker?.stdout?.once('data', () => resolve()));

    const t0 = performance.now();
    await postIncidentUpdate({
      ctx,
      input: {
        incidentId: id,
        status: 'identified',
        message: {
          de: 'Ursache gefunden: ein Medienserver in Cottbus.',
          en: 'Cause found: a media server in Cottbus.',
        },
      },
    });
    const enqueueMs = performance.now() - t0;
    const [written, { first, last }] = await Promise.all([
      fanoutWritten(store, t0),
      arrivals(sink, count, t0),
    ]);
    const rate = count / ((last - first) / 1000);
    const duplicates = sink.messageIds.length - new Set(sink.messageIds).size;
    await store.close();
    const row = [
      values.postgres ? 'postgres' : 'sqlite',
      count,
      lanes,
      Math.round(enqueueMs),
      Math.round(written),
      Math.round(first),
      Math.round(last),
      Math.round(rate),
      Math.round(baselineRate),
      (rate / baselineRate).toFixed(2),
      duplicates,
    ];
    console.log(
      '| database | subscribers | lanes | update transaction ms | all rows written ms | first mail ms | last mail ms | msg/s | baseline msg/s | ratio | duplicates |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(`| ${row.join(' | ')} |`);
  } finally {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await new Promise((r) => worker?.once('exit', r));
    }
    await sink.close();
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
