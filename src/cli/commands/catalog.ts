/**
 * @module `dialtone catalog`: apply a catalog file (or only show what it would change) and export
 * the catalog as a file. A refused file prints one line per problem, compiler style
 * (`FILE:LINE:COLUMN: path: message`), so editors can jump to it. Exit codes: 0 done, 1 refused
 * or failed, 2 wrong usage. Messages are German when the locale (LANG) is German, else English.
 *
 *   dialtone catalog apply catalog.yaml --dry-run
 *   dialtone catalog export catalog.yaml
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { type CatalogFileError, parseCatalogFile } from '#src/config/catalog-file.ts';
import { loadConfig } from '#src/config/env.ts';
import { type CatalogChange, formatChange } from '#src/domain/catalog-diff.ts';
import { isDialtoneError } from '#src/domain/errors.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { exportCatalog } from '#src/services/export-catalog.ts';
import { type Translate, translateLoose, translator } from '#src/web/i18n/index.ts';
import { cliContext, cliLocale, parseCommandLine } from '../context.ts';
import type { Command } from './index.ts';

const usage = `usage:
  dialtone catalog apply FILE [--dry-run]   bring the catalog to the file's state (--dry-run: only show the changes)
  dialtone catalog export [FILE]            write the catalog as YAML to FILE (or to stdout)`;

export const catalogCommand: Command = {
  summary: 'apply or export the catalog (catalog apply FILE [--dry-run] | catalog export [FILE])',
  async run(args) {
    const parsed = parseCommandLine('catalog', args, { 'dry-run': { type: 'boolean' } }, usage);
    if (!parsed) return 2;
    const { positionals, values } = parsed;
    const [sub, file, ...extra] = positionals;
    if (values.help) {
      console.log(usage);
      return 0;
    }
    if (sub === 'apply' && file && extra.length === 0) return applyFile(file, values['dry-run'] === true);
    if (sub === 'export' && extra.length === 0 && !values['dry-run']) return exportTo(file);
    console.error(usage);
    return 2;
  },
};

async function applyFile(file: string, dryRun: boolean): Promise<number> {
  const t = translator(cliLocale());
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(
      `${file}: ${code === 'ENOENT' ? t('catalog.cli.noSuchFile') : t('catalog.cli.unreadable', { reason: String(code ?? e) })}`,
    );
    return 1;
  }
  const parsed = parseCatalogFile(text);
  if (!parsed.ok) return refuse(t, file, parsed.errors);
  return withStore(async (store) => {
    const ctx = cliContext(store);
    try {
      const { changes } = await applyCatalog({ ctx, input: { document: parsed.document, dryRun } });
      for (const line of changes.map(formatChange)) console.log(line);
      console.log(summary(t, changes, dryRun));
      return 0;
    } catch (e) {
      if (isDialtoneError(e) && e.code === 'validation_failed') return refuse(t, file, e.fields);
      throw e;
    }
  });
}

async function exportTo(file: string | undefined): Promise<number> {
  return withStore(async (store) => {
    const text = await exportCatalog(store.db);
    if (!file) {
      process.stdout.write(text);
      return 0;
    }
    // Write beside and rename, so a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
    console.error(translator(cliLocale())('catalog.cli.wrote', { file }));
    return 0;
  });
}

function refuse(t: Translate, file: string, errors: readonly CatalogFileError[]): number {
  for (const e of errors) {
    const where = e.line ? `${file}:${e.line}:${e.column}` : file;
    console.error(`${where}: ${e.path ? `${e.path}: ` : ''}${translateLoose(t, e.key, e.params)}`);
  }
  console.error(`${file}: ${t('catalog.cli.refused', { count: errors.length })}`);
  return 1;
}

function summary(t: Translate, changes: readonly CatalogChange[], dryRun: boolean): string {
  if (changes.length === 0) return t('catalog.preview.none');
  const count = (op: CatalogChange['op']) => changes.filter((c) => c.op === op).length;
  const counts = t('catalog.cli.counts', {
    created: count('create'),
    updated: count('update'),
    deleted: count('delete'),
  });
  return t(dryRun ? 'catalog.cli.dryRun' : 'catalog.cli.applied', { counts });
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
