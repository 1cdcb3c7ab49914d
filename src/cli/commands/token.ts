/**
 * @module `dialtone token`: API tokens from the server's shell.
 *
 *   token create --name N --role operator|admin   prints the secret once (stdout; the rest on stderr,
 *                                                 so `TOKEN=$(npm run -s dialtone -- token create …)` works)
 *   token list                                    name, role, created, last used, revoked
 *   token revoke --name N
 *
 * Exit codes: 0 done, 1 refused (bad name, unknown token, already revoked), 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { loadConfig } from '#src/config/env.ts';
import { DialtoneError } from '#src/domain/errors.ts';
import type { Clock, IdGenerator } from '#src/domain/runtime.ts';
import { cliActor, type ServiceContext } from '#src/services/context.ts';
import { createApiToken } from '#src/services/create-api-token.ts';
import { type ApiTokenView, listApiTokens } from '#src/services/list-api-tokens.ts';
import { revokeApiToken } from '#src/services/revoke-api-token.ts';
import { translateLoose, translator } from '#src/web/i18n/index.ts';
import type { Command } from './index.ts';

export interface TokenIo {
  store: Store;
  clock: Clock;
  newId: IdGenerator;
  /** Machine-readable output (the secret). */
  out(line: string): void;
  /** Everything for the person at the terminal. */
  err(line: string): void;
}

const usage = [
  'usage: dialtone token create --name NAME --role operator|admin',
  '       dialtone token list',
  '       dialtone token revoke --name NAME',
].join('\n');

export async function runTokenCommand(args: string[], io: TokenIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(usage);
    return 0;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    io.err(`dialtone token: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`);
    return 2;
  }
  const { sub, name, role } = parsed;
  const ctx: ServiceContext = {
    db: io.store.db,
    dialect: io.store.dialect,
    clock: io.clock,
    newId: io.newId,
    actor: cliActor(),
  };
  try {
    if (sub === 'create') {
      const created = await createApiToken({ ctx, input: { name: name ?? '', role: role ?? '' } });
      io.err(`Token "${created.name}" (${created.role}) created. Copy the secret now; it is not stored:`);
      io.out(created.token);
      io.err('Send it as the header  Authorization: Bearer <secret>');
      return 0;
    }
    if (sub === 'revoke') {
      const revoked = await revokeApiToken({ ctx, input: { name: name ?? '' } });
      io.err(`Token "${revoked.name}" revoked.`);
      return 0;
    }
    io.out(tokenTable(await listApiTokens(io.store.db)));
    return 0;
  } catch (e) {
    if (!(e instanceof DialtoneError) || e.code === 'internal') throw e;
    io.err(`dialtone token ${sub}: ${describe(e)}`);
    return 1;
  }
}

function parse(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' } },
  });
  const [sub, ...extra] = positionals;
  if (sub !== 'create' && sub !== 'list' && sub !== 'revoke')
    throw new Error(`unknown subcommand "${sub ?? ''}"`);
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"`);
  if (sub !== 'list' && values.name === undefined) throw new Error('--name is required');
  if (sub === 'create' && values.role === undefined) throw new Error('--role is required');
  if (sub !== 'create' && values.role !== undefined) throw new Error('--role is only for create');
  if (sub === 'list' && values.name !== undefined) throw new Error('--name is not for list');
  return { sub, name: values.name, role: values.role };
}

/** The error in English, field by field (`name: Required.`). */
function describe(e: DialtoneError): string {
  const t = translator('en');
  if (e.fields.length === 0) return translateLoose(t, e.key, e.params);
  return e.fields.map((f) => `${f.path}: ${translateLoose(t, f.key, f.params)}`).join('; ');
}

const utc = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '-');

export function tokenTable(tokens: readonly ApiTokenView[]): string {
  if (tokens.length === 0) return 'no API tokens';
  const header = ['NAME', 'ROLE', 'CREATED', 'LAST USED', 'REVOKED'];
  const rows = tokens.map((k) => [k.name, k.role, utc(k.createdAt), utc(k.lastUsedAt), utc(k.revokedAt)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const tokenCommand: Command = {
  summary:
    'manage API tokens (token create --name N --role admin|operator | token list | token revoke --name N)',
  async run(args) {
    const config = loadConfig();
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      return await runTokenCommand(args, {
        store,
        clock: () => new Date(),
        newId: createIdGenerator(),
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      });
    } finally {
      await store.close();
    }
  },
};
