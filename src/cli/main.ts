/**
 * @module The `dialtone` command: `npm run dialtone -- <command> …`.
 *
 *   serve [--demo]            run the server (npm start runs `serve --demo`)
 *   migrate                   bring the database schema up to date
 *   catalog apply FILE [--dry-run] | catalog export [FILE]
 *   triage apply DIR [--dry-run] | triage export DIR   (self-check trees as files)
 *   user add --email E --role admin|operator   (password on stdin)
 *   token create --name N --role admin|operator
 *   monitor list | monitor rotate-token ID   (a new heartbeat URL, printed once)
 *   import inventory FILE.csv [--dry-run] [--skip-bad-rows]
 *   backup FILE | verify-backup FILE
 */
import { ConfigError } from '#src/config/env.ts';
import { commands } from './commands/index.ts';

export function usage(): string {
  return [
    'usage: dialtone <command> [options]',
    '',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    '',
    'Configuration comes from the environment (see docs/CONFIGURATION.md).',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`dialtone: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError) console.error(err.message);
    else console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  },
);
