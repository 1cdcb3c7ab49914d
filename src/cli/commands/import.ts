/**
 * @module `dialtone import inventory FILE.csv [--dry-run] [--skip-bad-rows]`: imports the
 * inventory (docs/INVENTORY.md). Problems are printed one per line as `FILE:LINE: column: message`
 * on stderr; progress goes to stderr too (a bar on a terminal, one count line otherwise), the
 * summary to stdout. Exit codes: 0 imported (or dry run done), 1 refused or failed, 2 wrong usage.
 * Messages are German when the locale (LANG) is German, else English.
 */
import { readFile } from 'node:fs/promises';
import { openStore } from '#src/adapters/store/open-store.ts';
import { loadConfig } from '#src/config/env.ts';
import type { InventoryError } from '#src/domain/inventory.ts';
import { formatInventoryChanges } from '#src/domain/inventory-diff.ts';
import {
  type ChangeCounts,
  type ImportInventoryResult,
  importInventory,
} from '#src/services/import-inventory.ts';
import { type Translate, translateLoose, translator } from '#src/web/i18n/index.ts';
import { cliContext, cliLocale, parseCommandLine } from '../context.ts';
import type { Command } from './index.ts';

const usage = `usage:
  dialtone import inventory FILE.csv [--dry-run] [--skip-bad-rows]
      --dry-run        check the file and show what would change; write nothing
      --skip-bad-rows  import the rows without errors (default: a file with errors imports nothing)`;

export const importCommand: Command = {
  summary: 'import the inventory (import inventory FILE.csv [--dry-run] [--skip-bad-rows])',
  async run(args) {
    const parsed = parseCommandLine(
      'import',
      args,
      { 'dry-run': { type: 'boolean' }, 'skip-bad-rows': { type: 'boolean' } },
      usage,
    );
    if (!parsed) return 2;
    const { positionals, values } = parsed;
    if (values.help) {
      console.log(usage);
      return 0;
    }
    const [what, file, ...extra] = positionals;
    if (what !== 'inventory' || !file || extra.length > 0) {
      console.error(usage);
      return 2;
    }
    return importFile(file, {
      dryRun: values['dry-run'] === true,
      skipBadRows: values['skip-bad-rows'] === true,
    });
  },
};

async function importFile(file: string, options: { dryRun: boolean; skipBadRows: boolean }): Promise<number> {
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
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const progress = progressReporter(t);
  try {
    const ctx = cliContext(store);
    const result = await importInventory({
      ctx,
      input: { text, ...options, source: file, onProgress: progress.update },
    });
    progress.finish();
    return report(t, file, result, options.dryRun);
  } finally {
    await store.close();
  }
}

function report(t: Translate, file: string, result: ImportInventoryResult, dryRun: boolean): number {
  for (const e of result.errors) console.error(formatError(t, file, e));
  if (!result.accepted) {
    console.error(`${file}: ${t('inventory.cli.refused', { count: result.errors.length })}`);
    if (result.badLines.length > 0 && result.errors.every((e) => e.line > 1))
      console.error(t('inventory.cli.refusedHint'));
    return 1;
  }
  if (result.badLines.length > 0)
    console.error(t('inventory.cli.skipped', { count: result.badLines.length }));
  const counts = formatCounts(t, result.counts);
  const total = Object.values(result.counts).reduce((n, c) => n + c.create + c.update + c.delete, 0);
  // A dry run is for review: every change on its own line, as `catalog apply --dry-run` does.
  if (dryRun && result.changes) for (const line of formatInventoryChanges(result.changes)) console.log(line);
  if (dryRun) console.log(t('inventory.cli.dryRun', { rows: result.rows, counts }));
  else if (total === 0) console.log(t('inventory.cli.unchanged', { rows: result.rows }));
  else console.log(t('inventory.cli.imported', { rows: result.rows, counts }));
  return 0;
}

export function formatError(t: Translate, file: string, e: InventoryError): string {
  return `${file}:${e.line}: ${e.column ? `${e.column}: ` : ''}${translateLoose(t, e.key, e.params)}`;
}

function formatCounts(t: Translate, counts: ChangeCounts): string {
  const c = (k: keyof ChangeCounts) => `${counts[k].create}/${counts[k].update}/${counts[k].delete}`;
  return t('inventory.cli.counts', {
    customers: c('customers'),
    contacts: c('contacts'),
    contracts: c('contracts'),
    resources: c('resources'),
  });
}

/** A redrawn bar on a terminal; elsewhere (logs, pipes) one line with the final count. */
function progressReporter(t: Translate) {
  const tty = process.stderr.isTTY === true;
  let last = { done: 0, total: 0 };
  return {
    update(done: number, total: number) {
      last = { done, total };
      if (!tty) return;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      process.stderr.write(
        `\r[${bar}] ${Math.floor((done / total) * 100)}% ${t('inventory.cli.progress', last)}`,
      );
    },
    finish() {
      if (last.total === 0) return;
      if (tty) process.stderr.write('\n');
      else process.stderr.write(`${t('inventory.cli.progress', last)}\n`);
    },
  };
}
