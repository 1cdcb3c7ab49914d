/**
 * @module `dialtone serve [--demo]`: runs the server until SIGINT/SIGTERM, then shuts down
 * gracefully. `--demo` seeds the demo catalog into an empty database.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { loadConfig } from '#src/config/env.ts';
import { startDialtone } from '#src/main.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import type { ServiceContext } from '#src/services/context.ts';
import type { Command } from './index.ts';

export const serveCommand: Command = {
  summary: 'run the server (--demo: seed the demo catalog into an empty database)',
  async run(args) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
    const config = loadConfig();
    const running = await startDialtone(config, values.demo ? { seed: seedDemo } : {});
    const shutdown = (signal: string) => {
      console.log(`\n  ${signal}: shutting down…`);
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    return -1;
  },
};

const demoCatalog = new URL('../../../catalog/demo.yaml', import.meta.url);

/**
 * Applies catalog/demo.yaml when the database has no components yet; a catalog someone built
 * (even a single component) is never touched. Two processes starting at once on one PostgreSQL
 * are safe: apply recomputes its changes under a lock, so the second one finds nothing to do.
 */
export async function seedDemo(ctx: ServiceContext): Promise<void> {
  const any = await ctx.db.selectFrom('components').select('id').limit(1).execute();
  if (any.length > 0) return;
  const parsed = parseCatalogFile(await readFile(demoCatalog, 'utf8'));
  if (!parsed.ok) {
    const problems = parsed.errors.map((e) => `${e.line ?? '?'}:${e.column ?? '?'} ${e.path} ${e.key}`);
    throw new Error(`catalog/demo.yaml is invalid:\n  ${problems.join('\n  ')}`);
  }
  const { changes } = await applyCatalog({ ctx, input: { document: parsed.document } });
  if (changes.length > 0)
    console.log(`\n  Demo catalog applied: ${changes.length} entries from catalog/demo.yaml.`);
}
