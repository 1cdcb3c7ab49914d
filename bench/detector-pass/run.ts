/**
 * @module Benchmark: one pass of the detector loop over many peers, on a SQLite file (or a
 * PostgreSQL the run starts). Each peer has 42 minutes of 10-s windows of normal traffic and the
 * default rules (nine per peer). Baseline in the same run: reading the same inputs without
 * evaluating (`loadPeerInputs`, the loop's queries), so the ratio shows what the pure detectors
 * add on top of I/O. The pass must fit well inside its 10-s interval.
 *
 *   npm run bench:detector-pass -- [--peers 200] [--passes 5] [--postgres]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { runDetectors } from '#src/jobs/detector-loop.ts';
import { systemActor } from '#src/services/context.ts';
import { loadPeerInputs } from '#src/services/load-detector-inputs.ts';
import { rowFromCounts } from '#src/services/telemetry-rows.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { startPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { seeded, windowOf } from '../../test/support/telemetry-simulation.ts';

const { values } = parseArgs({
  options: {
    peers: { type: 'string', default: '200' },
    passes: { type: 'string', default: '5' },
    postgres: { type: 'boolean', default: false },
  },
});
const peers = Number(values.peers);
const passes = Number(values.passes);
const windowsPerPeer = 252;
const end = Date.parse('2026-11-23T10:00:00.000Z');

async function seed(store: Store) {
  await seedMiniCatalog(store);
  const rnd = seeded(1);
  for (let p = 0; p < peers; p++) {
    const id = `peer-${String(p).padStart(4, '0')}`;
    await store.db
      .insertInto('telemetry_peers')
      .values({
        id,
        component_id: 'sip-trunk',
        name_de: id,
        name_en: id,
        match: `10.0.${p >> 8}.${p & 255}`,
        port: null,
        position: p,
      })
      .execute();
    const rows = Array.from({ length: windowsPerPeer }, (_, i) => ({
      peer_id: id,
      started_at: new Date(end - (windowsPerPeer - i) * 10_000).toISOString(),
      ...rowFromCounts(windowOf(30, { 200: 60, 486: 12, 487: 15, 480: 8, 603: 5 }, rnd)),
    }));
    for (let i = 0; i < rows.length; i += 100)
      await store.db
        .insertInto('telemetry_windows')
        .values(rows.slice(i, i + 100))
        .execute();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-bench-detect-'));
  let pg: TestPostgres | null = null;
  let store: Store;
  if (values.postgres) {
    pg = await startPostgres();
    store = await openStore({ databaseUrl: pg.createDatabase('bench_detect') });
  } else {
    store = await openStore({ sqliteFile: join(dir, 'bench.sqlite') });
  }
  try {
    await seed(store);
    const clock = testClock(new Date(end + 4_000).toISOString());
    const ctx = testContext(store, clock, systemActor);
    const log = { error: (o: unknown) => console.error(o), warn: () => {} };
    const read: number[] = [];
    const pass: number[] = [];
    const readCpu: number[] = [];
    const passCpu: number[] = [];
    // CPU time of this process beside wall time: on a shared machine the wall clock mostly
    // measures the neighbours (SQLite runs in-process, so its work is in the CPU figure too).
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(since);
      return (u.user + u.system) / 1000;
    };
    for (let i = 0; i < passes; i++) {
      let t = performance.now();
      let c = process.cpuUsage();
      const inputs = await loadPeerInputs(store.db, clock().getTime());
      read.push(performance.now() - t);
      readCpu.push(cpuMs(c));
      if (inputs.length !== peers) throw new Error(`read ${inputs.length} peers, expected ${peers}`);
      t = performance.now();
      c = process.cpuUsage();
      const r = await runDetectors({ ctx, holder: 'bench', timeZone: 'Europe/Berlin', log });
      pass.push(performance.now() - t);
      passCpu.push(cpuMs(c));
      if (r.skipped || r.raised.length > 0) throw new Error(`unexpected pass result ${JSON.stringify(r)}`);
    }
    const [readMs, passMs] = [median(read), median(pass)];
    console.log(
      JSON.stringify(
        {
          database: store.dialect,
          peers,
          rulesPerPeer: 9,
          windowsPerPeer,
          medianReadMs: Math.round(readMs),
          medianPassMs: Math.round(passMs),
          passOverRead: Number((passMs / readMs).toFixed(2)),
          medianReadCpuMs: Math.round(median(readCpu)),
          medianPassCpuMs: Math.round(median(passCpu)),
          passOverReadCpu: Number((median(passCpu) / median(readCpu)).toFixed(2)),
          shareOf10sInterval: Number((passMs / 10_000).toFixed(3)),
        },
        null,
        1,
      ),
    );
  } finally {
    await store.close();
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
