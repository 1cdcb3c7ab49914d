/**
 * @module The CLI's commands by name. Each lives in its own file and returns an exit code
 * (-1: keep running, for `serve`).
 */
import { backupCommand, verifyBackupCommand } from './backup.ts';
import { catalogCommand } from './catalog.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { monitorCommand } from './monitor.ts';
import { serveCommand } from './serve.ts';
import { tokenCommand } from './token.ts';
import { triageCommand } from './triage.ts';
import { userCommand } from './user.ts';

export interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  catalog: catalogCommand,
  triage: triageCommand,
  import: importCommand,
  user: userCommand,
  token: tokenCommand,
  monitor: monitorCommand,
  backup: backupCommand,
  'verify-backup': verifyBackupCommand,
};
