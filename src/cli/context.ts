/**
 * @module What CLI commands act with: a service context whose actor names the shell user
 * (`cli:alice` in the audit log), and the language of the command's messages (from LANG).
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { createIdGenerator } from '#src/adapters/ids.ts';
import type { Store } from '#src/adapters/store/open-store.ts';
import { cliActor, type ServiceContext } from '#src/services/context.ts';
import type { Locale } from '#src/web/i18n/index.ts';

/** `cli:<login name>`, or `cli` where there is no user name (some containers). */
export function cliActorLabel(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export function cliContext(store: Pick<Store, 'db' | 'dialect'>): ServiceContext {
  return {
    db: store.db,
    dialect: store.dialect,
    clock: () => new Date(),
    newId: createIdGenerator(),
    actor: cliActor(cliActorLabel()),
  };
}

/** German when the environment's language is German, English otherwise. */
export function cliLocale(): Locale {
  const lang = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return lang.toLowerCase().startsWith('de') ? 'de' : 'en';
}

/** Boolean flags a command takes besides `--help`/`-h`. */
export type FlagSpec = Record<string, { type: 'boolean' }>;

/**
 * Parses a command's positionals and boolean flags (plus `--help`). An unknown option prints the
 * reason and the usage and returns null: the command then exits with 2.
 */
export function parseCommandLine(
  command: string,
  args: string[],
  flags: FlagSpec,
  usage: string,
): { positionals: string[]; values: Record<string, boolean | undefined> } | null {
  try {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...flags, help: { type: 'boolean', short: 'h' } },
    });
    return { positionals, values: values as Record<string, boolean | undefined> };
  } catch (e) {
    console.error(`dialtone ${command}: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
    return null;
  }
}
