import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { readTriageSources } from '#src/services/load-triage-trees.ts';
import { testClock, testContext } from '../../../test/support/factories.ts';
import { seedDemo } from './serve.ts';

const root = new URL('../../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'dialtone-triage-cli-'));
const treeDir = join(dataDir, 'trees');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `dialtone triage …` as a user would, on its own SQLite file under a temp directory. */
function dialtone(args: string[], lang = 'C') {
  const r = spawnSync(process.execPath, ['src/cli/main.ts', 'triage', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DIALTONE_DATA: dataDir, LANG: lang, LOG_LEVEL: 'silent' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dialtone triage', () => {
  // Each run starts a Node process (about a second on a busy machine): allow time, assert none.
  it('exports the trees, refuses a broken file naming file and path, applies the edited set', {
    timeout: 120_000,
  }, async () => {
    // The trees' services must exist: the demo catalog, applied in-process (one Node start less).
    const store: Store = await openStore({ dataDir });
    await seedDemo(testContext(store, testClock())).finally(() => store.close());
    const shipped = readTriageSources();
    expect(dialtone(['export', treeDir]).code).toBe(0);
    expect(readdirSync(treeDir).sort()).toEqual(shipped.map((s) => `${s.id}.yaml`).sort());
    const [first, second] = shipped;
    expect(readFileSync(join(treeDir, `${first!.id}.yaml`), 'utf8')).toBe(first!.source);

    unlinkSync(join(treeDir, `${second!.id}.yaml`));
    const edited = `${first!.source}# checked by the NOC\n`;
    writeFileSync(join(treeDir, `${first!.id}.yaml`), edited.replace('start:', 'start: nowhere\nstartx:'));
    const refused = dialtone(['apply', treeDir], 'de_DE.UTF-8');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${join(treeDir, `${first!.id}.yaml`)}: startx: `);
    expect(refused.stderr).toContain('nichts geändert');

    writeFileSync(join(treeDir, `${first!.id}.yaml`), edited);
    const dry = dialtone(['apply', treeDir, '--dry-run']);
    expect(dry.stdout).toBe(`~ ${first!.id}\n- ${second!.id}\nDry run: 2 change(s); nothing was written.\n`);
    expect(dialtone(['apply', treeDir]).stdout).toContain('Applied: 2 change(s).');
    expect(dialtone(['apply', treeDir]).stdout).toBe('No changes.\n');
    expect(dialtone(['apply']).code).toBe(2);
  });
});
