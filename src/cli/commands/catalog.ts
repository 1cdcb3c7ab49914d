/**
 * @module `dialtone catalog`.
 */
import type { Command } from './index.ts';

export const catalogCommand: Command = {
  summary: 'apply or export the catalog (catalog apply FILE [--dry-run] | catalog export [FILE])',
  async run() {
    console.error('dialtone catalog: not available yet');
    return 1;
  },
};
