/**
 * @module `dialtone monitor`: monitors from the server's shell.
 *
 *   monitor list                       id, kind, state, since, last answer
 *   monitor rotate-token ID            a new heartbeat URL (printed once on stdout; the old one
 *                                      stops working), e.g. for provisioning scripts
 *
 * Exit codes: 0 done, 1 refused (unknown or not a heartbeat), 2 wrong usage.
 */
import { createIdGenerator } from '#src/adapters/ids.ts';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { loadConfig } from '#src/config/env.ts';
import { DialtoneError } from '#src/domain/errors.ts';
import type { Clock } from '#src/domain/runtime.ts';
import { cliActor } from '#src/services/context.ts';
import { listMonitors } from '#src/services/list-monitors.ts';
import { rotateHeartbeatToken } from '#src/services/rotate-heartbeat-token.ts';
import { translateLoose, translator } from '#src/web/i18n/index.ts';
import type { Command } from './index.ts';

export interface MonitorIo {
  store: Store;
  clock: Clock;
  publicUrl: string;
  out(line: string): void;
  err(line: string): void;
}

const usage = ['usage: dialtone monitor list', '       dialtone monitor rotate-token MONITOR_ID'].join('\n');

export async function runMonitorCommand(args: string[], io: MonitorIo): Promise<number> {
  const [sub, id, ...extra] = args;
  if (sub === '--help' || sub === '-h') {
    io.out(usage);
    return 0;
  }
  const ok =
    (sub === 'list' && id === undefined) ||
    (sub === 'rotate-token' && id !== undefined && extra.length === 0);
  if (!ok) {
    io.err(
      `dialtone monitor: ${sub ? `wrong arguments for "${sub}"` : 'a subcommand is required'}\n\n${usage}`,
    );
    return 2;
  }
  if (sub === 'list') {
    const rows = (await listMonitors(io.store.db)).map((m) =>
      [
        m.id,
        m.kind,
        m.pausedAt ? 'paused' : m.enabled ? m.state : 'disabled',
        m.since ?? '-',
        m.lastDetail || '-',
      ].join('\t'),
    );
    io.out(rows.length > 0 ? ['ID\tKIND\tSTATE\tSINCE\tLAST', ...rows].join('\n') : 'no monitors');
    return 0;
  }
  const ctx = {
    db: io.store.db,
    dialect: io.store.dialect,
    clock: io.clock,
    newId: createIdGenerator(),
    actor: cliActor(),
  };
  try {
    const { token } = await rotateHeartbeatToken({ ctx, input: { monitorId: id! } });
    io.err(`New heartbeat URL for "${id}" (shown once; the previous one no longer works):`);
    io.out(`${io.publicUrl}/api/v1/heartbeat/${token}`);
    return 0;
  } catch (e) {
    if (!(e instanceof DialtoneError) || e.code === 'internal') throw e;
    io.err(`dialtone monitor rotate-token: ${translateLoose(translator('en'), e.key, e.params)}`);
    return 1;
  }
}

export const monitorCommand: Command = {
  summary: 'monitors (monitor list | monitor rotate-token ID: a new heartbeat URL)',
  async run(args) {
    const config = loadConfig();
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      return await runMonitorCommand(args, {
        store,
        clock: () => new Date(),
        publicUrl: config.publicUrl,
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      });
    } finally {
      await store.close();
    }
  },
};
