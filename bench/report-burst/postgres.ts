/**
 * @module A PostgreSQL 15 for the benchmark, on a loopback port in a temporary directory, with its
 * default durability (fsync on, synchronous_commit on — unlike the tests' server, which turns
 * fsync off), stopped by pg_ctl (its PID file). Skipped with a reason when not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.env.DIALTONE_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface BenchPostgres {
  url: string;
  dataDir: string;
  stop(): void;
}

export function postgresMissing(): string | null {
  return existsSync(join(bin, 'initdb')) ? null : `no ${join(bin, 'initdb')} (apt-get install postgresql-15)`;
}

export function startBenchPostgres(port: number): BenchPostgres {
  const dir = mkdtempSync(join(tmpdir(), 'dialtone-bench-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const runuser =
    ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p)) ?? 'runuser';
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? [runuser, '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args];
    const r = spawnSync(full[0]!, full.slice(1), { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.error?.message ?? (r.stderr || r.stdout)}`);
  };
  run(join(bin, 'initdb'), ['-D', data, '--auth=trust', '-U', 'postgres', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', options, 'start']);
  execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'dialtone']);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/dialtone`,
    dataDir: data,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, 'stop', '-m', 'fast', '-w']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
