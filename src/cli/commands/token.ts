/**
 * @module `dialtone token`.
 */
import type { Command } from './index.ts';

export const tokenCommand: Command = {
  summary: 'manage API tokens (token create --name N --role admin|operator)',
  async run() {
    console.error('dialtone token: not available yet');
    return 1;
  },
};
