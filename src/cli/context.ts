/**
 * @module What CLI commands act with: a service context whose actor names the shell user
 * (`cli:alice` in the audit log), and the language of the command's messages (from LANG).
 */
import { userInfo } from 'node:os';
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
