/**
 * @module `dialtone user`.
 */
import type { Command } from './index.ts';

export const userCommand: Command = {
  summary: 'manage console users (user add --email E --role admin|operator; password on stdin)',
  async run() {
    console.error('dialtone user: not available yet');
    return 1;
  },
};
