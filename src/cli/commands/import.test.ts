import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { importCommand } from './import.ts';

const root = new URL('../../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'dialtone-import-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `dialtone …` as a user would (stderr is a pipe, not a terminal), on a SQLite file in a temp dir. */
function dialtone(args: string[], lang = 'C') {
  const r = spawnSync(process.execPath, ['src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DIALTONE_DATA: dataDir, LANG: lang, LOG_LEVEL: 'silent' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dialtone import inventory', () => {
  // Each run starts a Node process (about a second on a busy machine): allow time, assert none.
  it('dry-runs, imports with a count line, re-imports as a no-op, refuses bad rows by line', {
    timeout: 120_000,
  }, () => {
    expect(dialtone(['catalog', 'apply', 'catalog/demo.yaml']).code).toBe(0);
    const file = 'catalog/inventory-example.csv';
    const dry = dialtone(['import', 'inventory', file, '--dry-run']);
    expect(dry.code).toBe(0);
    const lines = dry.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '+ customer K-1000',
      '+ customer K-1001',
      '+ customer P-0500',
      '+ contact K-1000 praxis@muster.example',
    ]);
    expect(lines).toContain('+ resource phone_number +493551234568');
    expect(lines).toHaveLength(18 + 1);
    expect(lines.at(-1)).toBe(
      'Dry run, 8 rows: customers 3/0/0, contacts 4/0/0, contracts 4/0/0, resources 7/0/0 (created/updated/deleted); nothing was written.',
    );
    const done = dialtone(['import', 'inventory', file]);
    expect(done.code).toBe(0);
    expect(done.stderr).toBe('18 of 18 changes written\n');
    expect(done.stdout).toMatch(/^Imported, 8 rows: customers 3\/0\/0, .*\.\n$/);
    expect(dialtone(['import', 'inventory', file]).stdout).toBe(
      'No changes: the inventory already matches this file (8 rows).\n',
    );

    const bad = join(dataDir, 'bad.csv');
    writeFileSync(bad, readFileSync(join(root, file), 'utf8').replace(',line,', ',wire,'));
    const refused = dialtone(['import', 'inventory', bad], 'de_DE.UTF-8');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `${bad}:6: resource_kind: „wire“ ist nicht erlaubt; möglich: phone_number, trunk, cloud, line.\n` +
        `${bad}: abgelehnt, Probleme: 1; nichts wurde importiert.\n` +
        'Mit --skip-bad-rows werden die fehlerfreien Zeilen importiert.\n',
    );
    const skipped = dialtone(['import', 'inventory', bad, '--skip-bad-rows']);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('Skipped for errors: 1 rows.\n');
    expect(skipped.stdout).toBe('No changes: the inventory already matches this file (8 rows).\n');
  });

  it('answers wrong usage with exit code 2 and a missing file with 1', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const name of ['LC_ALL', 'LC_MESSAGES']) vi.stubEnv(name, '');
    vi.stubEnv('LANG', 'C');
    try {
      expect(await importCommand.run([])).toBe(2);
      expect(await importCommand.run(['inventory'])).toBe(2);
      expect(await importCommand.run(['customers', 'x.csv'])).toBe(2);
      expect(await importCommand.run(['inventory', 'x.csv', '--force'])).toBe(2);
      expect(await importCommand.run(['inventory', join(dataDir, 'missing.csv')])).toBe(1);
      expect(quiet).toHaveBeenLastCalledWith(`${join(dataDir, 'missing.csv')}: No such file.`);
    } finally {
      quiet.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});
