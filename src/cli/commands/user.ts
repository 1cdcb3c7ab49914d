/**
 * @module `dialtone user`: console users from the server's shell.
 *
 *   user add --email E --role admin|operator [--locale de|en]   password on stdin
 *   user list
 *   user disable --email E | user enable --email E
 *   user set-password --email E                                 password on stdin; ends sessions
 *
 * The password is one line on stdin (`echo 'secret password' | npm run dialtone -- user add …`);
 * at a terminal it is asked for twice without echo. Exit codes: 0 done, 1 refused (bad email,
 * taken, too short, unknown user, last admin), 2 wrong usage.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createIdGenerator } from '#src/adapters/ids.ts';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { loadConfig } from '#src/config/env.ts';
import { DialtoneError, notFound, validationError } from '#src/domain/errors.ts';
import type { Clock, IdGenerator } from '#src/domain/runtime.ts';
import { changePassword } from '#src/services/change-password.ts';
import { cliActor, type ServiceContext } from '#src/services/context.ts';
import { createUser } from '#src/services/create-user.ts';
import { findUser } from '#src/services/find-user.ts';
import { listUsers } from '#src/services/list-users.ts';
import { setUserDisabled } from '#src/services/set-user-disabled.ts';
import type { UserSummary } from '#src/services/user-rules.ts';
import { translateLoose, translator } from '#src/web/i18n/index.ts';
import type { Command } from './index.ts';

export interface UserIo {
  store: Store;
  clock: Clock;
  newId: IdGenerator;
  /** Reads the new password: one line from stdin, or asked twice at a terminal. */
  readPassword(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  /** Who is at the terminal, for the audit log (`cli:root`). */
  actorLabel: string;
}

const usage = [
  'usage: dialtone user add --email EMAIL --role admin|operator [--locale de|en]   (password on stdin)',
  '       dialtone user list',
  '       dialtone user disable --email EMAIL',
  '       dialtone user enable --email EMAIL',
  '       dialtone user set-password --email EMAIL                                 (password on stdin)',
].join('\n');

const subcommands = ['add', 'list', 'disable', 'enable', 'set-password'] as const;
type Sub = (typeof subcommands)[number];

function parse(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { email: { type: 'string' }, role: { type: 'string' }, locale: { type: 'string' } },
  });
  const [sub, ...extra] = positionals;
  if (!subcommands.includes(sub as Sub)) throw new Error(`unknown subcommand "${sub ?? ''}"`);
  if (extra.length > 0) throw new Error(`unexpected argument "${extra[0]}"`);
  if (sub !== 'list' && values.email === undefined) throw new Error('--email is required');
  if (sub === 'list' && values.email !== undefined) throw new Error('--email is not for list');
  if (sub === 'add' && values.role === undefined) throw new Error('--role is required');
  if (sub !== 'add' && (values.role !== undefined || values.locale !== undefined)) {
    throw new Error('--role and --locale are only for add');
  }
  return { sub: sub as Sub, email: values.email ?? '', role: values.role ?? '', locale: values.locale };
}

/** The error in English, field by field (`email: This email address is already taken.`). */
function describe(e: DialtoneError): string {
  const t = translator('en');
  if (e.fields.length === 0) return translateLoose(t, e.key, e.params);
  return e.fields.map((f) => `${f.path}: ${translateLoose(t, f.key, f.params)}`).join('; ');
}

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function userTable(users: readonly UserSummary[]): string {
  if (users.length === 0) return 'no users';
  const header = ['EMAIL', 'ROLE', 'STATE', 'LANG', 'CREATED', 'PASSWORD CHANGED'];
  const rows = users.map((u) => [
    u.email,
    u.role,
    u.disabled ? 'disabled' : 'active',
    u.locale,
    utc(u.createdAt),
    utc(u.passwordChangedAt),
  ]);
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

async function existing(ctx: ServiceContext, email: string): Promise<UserSummary> {
  const user = await findUser(ctx.db, { email });
  if (!user) throw notFound('user', email);
  return user;
}

async function execute(ctx: ServiceContext, io: UserIo, p: ReturnType<typeof parse>): Promise<void> {
  if (p.sub === 'list') {
    io.out(userTable(await listUsers(io.store.db)));
  } else if (p.sub === 'add') {
    const password = await io.readPassword();
    const user = await createUser({
      ctx,
      input: { email: p.email, role: p.role, locale: p.locale, password },
    });
    io.out(`created user ${user.email} (${user.role}, language ${user.locale}, id ${user.id})`);
  } else if (p.sub === 'set-password') {
    const user = await existing(ctx, p.email);
    const newPassword = await io.readPassword();
    const { sessionsEnded } = await changePassword({ ctx, input: { userId: user.id, newPassword } });
    io.out(`password set for ${user.email}; ${sessionsEnded} session(s) ended`);
  } else {
    const user = await existing(ctx, p.email);
    const disabled = p.sub === 'disable';
    const result = await setUserDisabled({ ctx, input: { userId: user.id, disabled } });
    const state = disabled ? 'disabled' : 'enabled';
    io.out(result.changed ? `${state} ${user.email}` : `${user.email} was already ${state}`);
  }
}

const isHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

/** What is wrong with the arguments (with the usage text), or null. */
function usageProblem(args: string[]): string | null {
  if (isHelp(args)) return null;
  try {
    parse(args);
    return null;
  } catch (e) {
    return `dialtone user: ${e instanceof Error ? e.message : String(e)}\n\n${usage}`;
  }
}

export async function runUserCommand(args: string[], io: UserIo): Promise<number> {
  if (isHelp(args)) {
    io.out(usage);
    return 0;
  }
  const wrongUsage = usageProblem(args);
  if (wrongUsage) {
    io.err(wrongUsage);
    return 2;
  }
  const parsed = parse(args);
  const ctx: ServiceContext = {
    db: io.store.db,
    dialect: io.store.dialect,
    clock: io.clock,
    newId: io.newId,
    actor: cliActor(io.actorLabel),
  };
  try {
    await execute(ctx, io, parsed);
    return 0;
  } catch (e) {
    if (e instanceof Cancelled) {
      io.err(`dialtone user ${parsed.sub}: cancelled, nothing changed`);
      return 1;
    }
    if (!(e instanceof DialtoneError) || e.code === 'internal') throw e;
    io.err(`dialtone user ${parsed.sub}: ${describe(e)}`);
    return 1;
  }
}

/** Ctrl-C at the password prompt. */
class Cancelled extends Error {}

/** The first line of a piped stdin, without its line ending; '' when stdin is empty. */
function firstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  const rl = createInterface({ input: stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  return new Promise((resolve) => {
    rl.once('line', (line) => {
      resolve(line);
      rl.close();
    });
    rl.once('close', () => resolve(''));
  });
}

/** Asks at a terminal without echoing what is typed (raw mode; Enter ends, Backspace deletes). */
function askHidden(stdin: NodeJS.ReadStream, out: NodeJS.WritableStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      out.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new Cancelled('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = Array.from(value).slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    out.write(prompt);
    stdin.setEncoding('utf8');
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** One line from a pipe, or asked twice at a terminal (a typo there would lock the user out). */
export async function readPassword(stdin: NodeJS.ReadStream, out: NodeJS.WritableStream): Promise<string> {
  if (!stdin.isTTY) return firstLine(stdin);
  const first = await askHidden(stdin, out, 'Password: ');
  const second = await askHidden(stdin, out, 'Repeat password: ');
  if (first !== second) throw validationError([{ path: 'password', key: 'error.passwordMismatch' }]);
  return first;
}

/** `cli:<login name>`, or plain `cli` where the system cannot say who it is. */
function terminalUser(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

export const userCommand: Command = {
  summary: 'manage console users (user add|list|disable|enable|set-password; password on stdin)',
  async run(args) {
    const wrongUsage = usageProblem(args);
    // Wrong usage is answered before the database is opened.
    if (wrongUsage) {
      console.error(wrongUsage);
      return 2;
    }
    const config = loadConfig();
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      return await runUserCommand(args, {
        store,
        clock: () => new Date(),
        newId: createIdGenerator(),
        readPassword: () => readPassword(process.stdin, process.stderr),
        out: (line) => console.log(line),
        err: (line) => console.error(line),
        actorLabel: terminalUser(),
      });
    } finally {
      await store.close();
    }
  },
};
