/**
 * @module `dialtone serve [--demo]`: runs the server until SIGINT/SIGTERM, then shuts down
 * gracefully. `--demo` seeds the demo catalog into an empty database.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '#src/config/env.ts';
import { startDialtone } from '#src/main.ts';
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

async function seedDemo(): Promise<void> {
  // Filled in with the demo catalog (catalog/demo.yaml) by the catalog work.
}
