import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { seedMiniCatalog, testContext } from '../../../test/support/factories.ts';
import { describeEachStore } from '../../../test/support/stores.ts';
import { catalogCommand } from './catalog.ts';
import { seedDemo } from './serve.ts';

const root = new URL('../../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'dialtone-catalog-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `dialtone catalog …` as a user would, on its own SQLite file under a temp directory. */
function dialtone(args: string[], lang = 'C') {
  const r = spawnSync(process.execPath, ['src/cli/main.ts', 'catalog', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DIALTONE_DATA: dataDir, LANG: lang, LOG_LEVEL: 'silent' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dialtone catalog', () => {
  // Each run starts a Node process (about a second on a busy machine): allow time, assert none.
  it('dry-runs, applies, exports, and re-applies the export as a no-op', { timeout: 120_000 }, () => {
    const dry = dialtone(['apply', 'catalog/demo.yaml', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+ component media-cottbus\n');
    expect(dry.stdout.trim().split('\n').at(-1)).toMatch(
      /^Dry run: \d+ created, 0 updated, 0 deleted; nothing was written\.$/,
    );
    expect(dialtone(['export']).stdout).toContain('components: []');

    const applied = dialtone(['apply', 'catalog/demo.yaml']);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Applied: \d+ created, 0 updated, 0 deleted\.\n$/);

    const file = join(dataDir, 'export.yaml');
    expect(dialtone(['export', file]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('id: media-cottbus');
    const again = dialtone(['apply', file]);
    expect(again).toMatchObject({ code: 0, stdout: 'No changes: the catalog already matches this file.\n' });

    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('name: {de: Standort Cottbus, en: Cottbus site}', 'name: Cottbus'),
    );
    expect(dialtone(['apply', file]).stdout).toBe(
      '~ site cottbus: name_de, name_en\nApplied: 0 created, 1 updated, 0 deleted.\n',
    );
  });

  it('refuses a bad file with FILE:LINE:COLUMN: path: message, in German when LANG is German', () => {
    const file = join(dataDir, 'bad.yaml');
    writeFileSync(file, 'components:\n  - id: fax\n    name: Fax\n    dependsOn: [media-cottbus]\n');
    const en = dialtone(['apply', file]);
    expect(en.code).toBe(1);
    expect(en.stderr).toBe(
      `${file}:4:16: components[0].dependsOn: Unknown component "media-cottbus".\n${file}: refused, problems: 1; nothing was changed.\n`,
    );
    const de = dialtone(['apply', file], 'de_DE.UTF-8');
    expect(de.stderr).toContain('components[0].dependsOn: Unbekannte Komponente „media-cottbus“.');
  });

  it('answers wrong usage with exit code 2 and a missing file with 1', async () => {
    // In-process: these never reach the database.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const name of ['LC_ALL', 'LC_MESSAGES']) vi.stubEnv(name, '');
    vi.stubEnv('LANG', 'C');
    try {
      expect(await catalogCommand.run(['apply'])).toBe(2);
      expect(await catalogCommand.run(['import', 'x.yaml'])).toBe(2);
      expect(await catalogCommand.run(['apply', 'a.yaml', '--force'])).toBe(2);
      expect(await catalogCommand.run(['apply', join(dataDir, 'missing.yaml')])).toBe(1);
      expect(quiet).toHaveBeenLastCalledWith(`${join(dataDir, 'missing.yaml')}: No such file.`);
    } finally {
      quiet.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});

describeEachStore('serve --demo seeding', (getStore) => {
  it('applies the demo catalog once to an empty store, also when two processes start at once', async () => {
    const store = getStore();
    const quiet = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await Promise.all([seedDemo(testContext(store)), seedDemo(testContext(store))]);
      await seedDemo(testContext(store));
    } finally {
      quiet.mockRestore();
    }
    const components = await store.db.selectFrom('components').select('id').execute();
    expect(components.map((c) => c.id)).toContain('media-cottbus');
    const audit = await store.db.selectFrom('audit_log').select(['action', 'actor_type']).execute();
    expect(audit).toEqual([{ action: 'catalog.apply', actor_type: 'user' }]);
  });

  it('leaves a catalog someone built alone', async () => {
    const store = getStore();
    await seedMiniCatalog(store);
    await store.db.deleteFrom('audit_log').execute();
    await seedDemo(testContext(store));
    const components = await store.db.selectFrom('components').select('id').orderBy('id').execute();
    expect(components.map((c) => c.id)).toEqual(['fax', 'local-numbers', 'media-cottbus', 'sip-trunk']);
    expect(await store.db.selectFrom('audit_log').select('id').execute()).toEqual([]);
  });
});
