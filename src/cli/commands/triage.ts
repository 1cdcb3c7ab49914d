/**
 * @module `dialtone triage`: the self-check trees as a directory of YAML files, one tree per file,
 * for people who keep them in git. `apply DIR` makes the stored trees the directory's set (trees
 * missing from it are deleted; `--dry-run` only lists the changes); `export DIR` writes each
 * stored tree as `DIR/<id>.yaml`. A refused tree prints `FILE: PATH: message` per problem.
 * Exit codes: 0 done, 1 refused or failed, 2 wrong usage. Messages follow LANG (de/en).
 *
 *   dialtone triage export triage/ && git -C triage diff
 *   dialtone triage apply triage/ --dry-run
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { loadConfig } from '#src/config/env.ts';
import { isDialtoneError } from '#src/domain/errors.ts';
import { applyTriageTrees } from '#src/services/apply-triage-trees.ts';
import { listTriageTrees } from '#src/services/list-triage-trees.ts';
import { readTriageSources, TriageLoadError, type TriageSource } from '#src/services/load-triage-trees.ts';
import { type Translate, translateLoose, translator } from '#src/web/i18n/index.ts';
import { cliContext, cliLocale, parseCommandLine } from '../context.ts';
import type { Command } from './index.ts';

const usage = `usage:
  dialtone triage apply DIR [--dry-run]   make the stored self-check trees DIR's *.yaml (--dry-run: only show the changes)
  dialtone triage export DIR              write each stored tree as DIR/<id>.yaml`;

export const triageCommand: Command = {
  summary: 'self-check trees as files (triage apply DIR [--dry-run] | triage export DIR)',
  async run(args) {
    const parsed = parseCommandLine('triage', args, { 'dry-run': { type: 'boolean' } }, usage);
    if (!parsed) return 2;
    const [sub, dir, ...extra] = parsed.positionals;
    if (parsed.values.help) {
      console.log(usage);
      return 0;
    }
    if (sub === 'apply' && dir && extra.length === 0) return applyDir(dir, parsed.values['dry-run'] === true);
    if (sub === 'export' && dir && extra.length === 0 && !parsed.values['dry-run']) return exportDir(dir);
    console.error(usage);
    return 2;
  },
};

type Problem = { file: string; path: string; key: string; params?: Record<string, string | number> };

function refuse(t: Translate, dir: string, problems: readonly Problem[]): number {
  for (const p of problems)
    console.error(
      `${join(dir, p.file)}: ${p.path ? `${p.path}: ` : ''}${translateLoose(t, p.key, p.params)}`,
    );
  console.error(`${dir}: ${t('reportData.cli.refused', { count: problems.length })}`);
  return 1;
}

async function applyDir(dir: string, dryRun: boolean): Promise<number> {
  const t = translator(cliLocale());
  let sources: TriageSource[];
  try {
    sources = readTriageSources(dir);
  } catch (e) {
    if (e instanceof TriageLoadError) return refuse(t, dir, e.problems);
    console.error(
      `${dir}: ${t('reportData.cli.unreadable', { reason: (e as NodeJS.ErrnoException).code ?? String(e) })}`,
    );
    return 1;
  }
  return withStore(async (store) => {
    try {
      const { changes } = await applyTriageTrees({ ctx: cliContext(store), input: { sources, dryRun } });
      for (const line of changes) console.log(line);
      const key =
        changes.length === 0
          ? 'reportData.cli.none'
          : dryRun
            ? 'reportData.cli.dryRun'
            : 'reportData.cli.applied';
      console.log(t(key, { count: changes.length }));
      return 0;
    } catch (e) {
      if (isDialtoneError(e) && e.code === 'validation_failed') return refuse(t, dir, e.fields as Problem[]);
      throw e;
    }
  });
}

async function exportDir(dir: string): Promise<number> {
  const t = translator(cliLocale());
  return withStore(async (store) => {
    const trees = (await listTriageTrees(store.db)).filter((e) => !e.deleted);
    await mkdir(dir, { recursive: true });
    for (const tree of trees) {
      // Write beside and rename, so a reader never sees half a file.
      const file = join(dir, `${tree.id}.yaml`);
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, tree.source, 'utf8');
      await rename(tmp, file);
    }
    console.error(t('reportData.cli.wrote', { count: trees.length, dir }));
    return 0;
  });
}

async function withStore(work: (store: Store) => Promise<number>): Promise<number> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
