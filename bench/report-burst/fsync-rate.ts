/**
 * @module The disk's fsync rate: a loop of "write 4 KiB, fsync" on one file in the given
 * directory for a few seconds. One commit per report costs at least one such round trip (SQLite
 * in WAL with synchronous=FULL, PostgreSQL with its default fsync/synchronous_commit), so this is
 * the ceiling of reports per second for one writer that commits each report on its own.
 */
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export function measureFsyncRate(dir: string, seconds: number): number {
  const file = join(dir, 'fsync-probe.bin');
  const block = Buffer.alloc(4096, 0x5a);
  const fd = openSync(file, 'w');
  let count = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  try {
    while (now < until) {
      // Rewrite the same block, as a WAL's tail is rewritten; fsync makes it durable.
      writeSync(fd, block, 0, block.length, (count % 16) * 4096);
      fsyncSync(fd);
      count++;
      now = process.hrtime.bigint();
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  return count / (Number(now - start) / 1e9);
}
