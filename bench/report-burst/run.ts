/**
 * @module Benchmark: a burst of outage reports. N reports (default 2,000) are filed by C
 * concurrent clients (default 200) over HTTP against a running dialtone (`dialtone serve --demo`),
 * on SQLite and, when installed, on PostgreSQL 15 with default durability. Prints reports/s,
 * p50/p99 latency, a count check (every acknowledged report — 303 to its follow page — is stored
 * exactly once, nothing else is stored) and the disk's fsync rate measured in the same run as the
 * ceiling of one commit per report. The report form's limits stay as shipped (5 filed reports
 * per address per 10 minutes, 3 per identifier per hour): each report comes from its own share of
 * loopback source addresses (5 reports per 127.0.x.y) and carries its own server licence.
 * Loopback only; every process started here is stopped by its PID.
 *
 *   npm run bench:report-burst -- [--reports 2000] [--clients 200] [--fsync-seconds 3] [--db sqlite|postgres|both]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '#src/adapters/store/open-store.ts';
import { loopback, send } from './client.ts';
import { measureFsyncRate } from './fsync-rate.ts';
import { postgresMissing, startBenchPostgres } from './postgres.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '200' },
    'fsync-seconds': { type: 'string', default: '3' },
    db: { type: 'string', default: 'both' },
  },
});
const total = Math.min(Number(values.reports), 20_000);
const clients = Math.min(Number(values.clients), 1000);
const fsyncSeconds = Math.min(Number(values['fsync-seconds']), 30);
/** Filed reports the form accepts per client address in 10 minutes. */
const perAddress = 5;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) if (c.pid && c.exitCode === null) c.kill('SIGTERM');
});

async function waitFor(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await send(url, { from: '127.0.0.1' }).then(
      (a) => a.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

interface Result {
  db: string;
  seconds: number;
  acknowledged: number;
  refused: Map<number, number>;
  p50: number;
  p99: number;
  stored: number;
  storedOnce: boolean;
  fsyncPerSecond: number;
  /** Errors the server logged, by message: why requests were refused with 5xx. */
  serverErrors: Map<string, number>;
}

/** The server's error lines (pino level ≥ 50) counted by their error message. */
function errorSummary(log: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
      if ((entry.level ?? 0) < 50) continue;
      const key = `${entry.msg ?? ''}: ${entry.err?.message ?? ''}`.slice(0, 160);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    } catch {
      // not a log line
    }
  }
  return counts;
}

/** One form (cookie and CSRF token) per client, fetched before the burst. */
async function forms(base: string) {
  return Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const page = await send(`${base}/report?service=connect`, { from: loopback(c) });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      if (page.status !== 200 || !csrf) throw new Error(`report form: ${page.status}`);
      return { cookie: page.cookies.join('; '), csrf };
    }),
  );
}

function reportBody(i: number, csrf: string): string {
  return new URLSearchParams({
    _csrf: csrf,
    submissionKey: `burst${String(i).padStart(6, '0')}abcdefghijklmn`,
    service: 'connect',
    reporterKind: 'customer',
    company: `Muster ${i} GmbH`,
    firstName: 'Erika',
    lastName: 'Muster',
    email: `erika${i}@muster.example`,
    phone: '0355 123456',
    'identifiers.serverLicence': `SL-BURST-${i}`,
    description: 'Seit 9 Uhr keine eingehenden Anrufe, ausgehend geht es.',
    consent: 'yes',
  }).toString();
}

async function burst(db: 'sqlite' | 'postgres'): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-burst-'));
  const pg = db === 'postgres' ? startBenchPostgres(await freePort()) : null;
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const app = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--demo'], {
      env: {
        ...process.env,
        DIALTONE_DATA: dir,
        ...(pg ? { DATABASE_URL: pg.url } : {}),
        PORT: String(port),
        HOST: '127.0.0.1',
        DIALTONE_PUBLIC_URL: base,
        LOG_LEVEL: 'warn',
      },
      // Its log (warnings and errors only) into a file, summarised after the run.
      stdio: ['ignore', openSync(join(dir, 'dialtone.log'), 'w'), 'inherit'],
    });
    children.push(app);
    await waitFor(`${base}/readyz`);
    // The same disk as the database, measured while dialtone idles.
    const fsyncPerSecond = measureFsyncRate(pg ? join(pg.dataDir, '..') : dir, fsyncSeconds);
    const clientForms = await forms(base);

    let next = 0;
    const acknowledged: string[] = [];
    const refused = new Map<number, number>();
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    await Promise.all(
      clientForms.map(async (form) => {
        for (let i = next++; i < total; i = next++) {
          const answer = await send(`${base}/report`, {
            method: 'POST',
            from: loopback(Math.floor(i / perAddress)),
            headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: reportBody(i, form.csrf),
          }).catch(() => ({ status: 0, location: '', ms: 0 }));
          latencies.push(answer.ms);
          const ticket = /^\/reports\/([^?]+)\?token=/.exec(answer.location)?.[1];
          if (answer.status === 303 && ticket) acknowledged.push(ticket);
          else refused.set(answer.status, (refused.get(answer.status) ?? 0) + 1);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await stop(app);
    const serverErrors = errorSummary(readFileSync(join(dir, 'dialtone.log'), 'utf8'));

    const store = await openStore(pg ? { databaseUrl: pg.url } : { dataDir: dir });
    const rows = await store.db.selectFrom('reports').select(['ticket', 'submission_key']).execute();
    await store.close();
    const stored = rows.filter((r) => r.submission_key?.startsWith('burst'));
    const tickets = new Map(stored.map((r) => [r.ticket, 0]));
    for (const t of acknowledged) tickets.set(t, (tickets.get(t) ?? -1000) + 1);
    const storedOnce = stored.length === acknowledged.length && [...tickets.values()].every((n) => n === 1);
    latencies.sort((a, b) => a - b);
    return {
      db,
      seconds,
      acknowledged: acknowledged.length,
      refused,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      stored: stored.length,
      storedOnce,
      fsyncPerSecond,
      serverErrors,
    };
  } finally {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const targets: ('sqlite' | 'postgres')[] = [];
if (values.db !== 'postgres') targets.push('sqlite');
if (values.db !== 'sqlite') {
  const missing = postgresMissing();
  if (missing) console.log(`PostgreSQL skipped: ${missing}`);
  else targets.push('postgres');
}
console.log(`report burst: ${total} reports, ${clients} concurrent clients, fsync probe ${fsyncSeconds} s\n`);
console.log(
  '| database | reports/s | p50 ms | p99 ms | acknowledged | refused | stored once | fsync/s | reports/s ÷ fsync/s |',
);
console.log('| --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |');
let failed = false;
for (const db of targets) {
  const r = await burst(db);
  const rate = r.acknowledged / r.seconds;
  const refused = r.refused.size > 0 ? [...r.refused].map(([s, n]) => `${n}×${s || 'error'}`).join(' ') : '0';
  console.log(
    `| ${r.db} | ${rate.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.acknowledged} | ${refused} | ${r.storedOnce ? `yes (${r.stored})` : `NO (${r.stored} stored)`} | ${r.fsyncPerSecond.toFixed(0)} | ${(rate / r.fsyncPerSecond).toFixed(2)} |`,
  );
  for (const [message, n] of r.serverErrors) console.log(`  ${r.db} server logged ${n}× ${message}`);
  if (!r.storedOnce || r.acknowledged !== total) failed = true;
}
process.exitCode = failed ? 1 : 0;
