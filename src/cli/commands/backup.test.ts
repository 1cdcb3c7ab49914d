import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openStore } from '#src/adapters/store/open-store.ts';
import { backupCommand, verifyBackupCommand } from './backup.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dialtone-backup-'));
  vi.stubEnv('DIALTONE_DATA', join(dir, 'data'));
  vi.stubEnv('DATABASE_URL', '');
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

it('writes a consistent copy that verifies, and refuses to overwrite', async () => {
  const store = await openStore({ dataDir: join(dir, 'data') });
  await store.db
    .insertInto('sites')
    .values({ id: 'fra', name_de: 'Frankfurt', name_en: 'Frankfurt', position: 0 })
    .execute();
  await store.db
    .insertInto('components')
    .values({
      id: 'sbc',
      group_id: null,
      site_id: 'fra',
      name_de: 'SBC',
      name_en: 'SBC',
      description_de: '',
      description_en: '',
      position: 0,
      created_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const file = join(dir, 'backup.sqlite');
  // The server keeps its store open while the backup runs.
  expect(await backupCommand.run([file])).toBe(0);
  await store.close();
  expect(log.mock.calls.at(-1)?.[0]).toMatch(/integrity ok, schema \d{3}-[a-z-]+, 1 components/);
  expect(await backupCommand.run([file])).toBe(1);
  expect(err.mock.calls.at(-1)?.[0]).toMatch(/refusing to overwrite/);
  expect(await verifyBackupCommand.run([file])).toBe(0);
  writeFileSync(join(dir, 'garbage.sqlite'), 'not a database');
  expect(await verifyBackupCommand.run([join(dir, 'garbage.sqlite')])).toBe(1);
  expect(await backupCommand.run([])).toBe(2);
});

it('points PostgreSQL users to pg_dump instead of pretending', async () => {
  vi.stubEnv('DATABASE_URL', 'postgres://u@127.0.0.1:1/x');
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(await backupCommand.run([join(dir, 'x.sqlite')])).toBe(1);
  expect(err.mock.calls.at(-1)?.[0]).toMatch(/pg_dump/);
});
