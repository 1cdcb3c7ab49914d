/**
 * @module The probe runner: holds the `probe-runner` lease (so that with several dialtone
 * processes on one PostgreSQL each monitor is probed once), keeps a due time per monitor (its
 * interval, the first run spread by jitter so a restart does not fire every probe at once), runs
 * due probes with a concurrency bound, and records each result (state + check). It also marks
 * missed heartbeats. Beats liveness on every turn, so the watchdog sees a hang.
 *
 * @example
 * const runner = createProbeRunner({ ctx, log, liveness, env: process.env });
 * runner.start(); … await runner.stop();
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ProbeOptions, ProbeResult } from '#src/adapters/probes/probe.ts';
import { acquireLease } from '#src/services/acquire-lease.ts';
import type { ServiceContext } from '#src/services/context.ts';
import { markMissedHeartbeats } from '#src/services/mark-missed-heartbeats.ts';
import { recordProbeResult } from '#src/services/record-probe-result.ts';
import { releaseLease } from '#src/services/release-lease.ts';
import type { Liveness } from './liveness.ts';
import { recordProbeMetrics } from './probe-metrics.ts';
import { type Env, type ProbeMonitor, runProbe } from './run-probe.ts';
import type { JobLog } from './watchdog.ts';

export const probeRunnerName = 'probe-runner';
/** Shortest beat interval the runner promises the watchdog (ms). */
const livenessFloorMs = 5_000;

/**
 * Probes enforce their own timeouts; should one hang anyway, its monitor must not stay "in
 * flight" for ever: after the deadline the check counts as failed.
 */
function withDeadline(p: Promise<ProbeResult>, ms: number): Promise<ProbeResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(
      () => resolve({ outcome: 'down', rttMs: ms, detail: `probe did not finish within ${ms} ms` }),
      ms,
    );
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export interface ProbeRunnerOptions {
  ctx: ServiceContext;
  log: JobLog;
  liveness: Liveness;
  /** Where `env:NAME` secrets are read from. */
  env?: Env;
  /** The probe call; tests may pass another (default: the real probes). */
  probe?: (m: ProbeMonitor, env: Env, options: ProbeOptions) => Promise<ProbeResult>;
  /** Unique per process. */
  holder?: string;
  /** How often the runner looks for due work (ms). */
  tickMs?: number;
  /** Lease lifetime (ms); renewed at a third of it. */
  leaseTtlMs?: number;
  /** Probes in flight at most. */
  concurrency?: number;
  /** Extra time a probe gets beyond its own timeout before the runner stops waiting for it (ms). */
  graceMs?: number;
  /** [0, 1) for the jitter of first runs. */
  random?: () => number;
}

export interface ProbeRunner {
  /** One turn: renew the lease, start due probes, check heartbeats. Exposed for tests. */
  tick(): Promise<void>;
  /** Resolves when the probes now in flight have been recorded. */
  idle(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  holdsLease(): boolean;
}

interface Scheduled {
  dueAt: number;
  intervalMs: number;
}

export function createProbeRunner(options: ProbeRunnerOptions): ProbeRunner {
  const { ctx, log, liveness } = options;
  const env = options.env ?? {};
  const probe = options.probe ?? runProbe;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const tickMs = options.tickMs ?? 1_000;
  const leaseTtlMs = options.leaseTtlMs ?? 15_000;
  const concurrency = options.concurrency ?? 16;
  const random = options.random ?? Math.random;
  const graceMs = options.graceMs ?? 5_000;
  const schedule = new Map<string, Scheduled>();
  const inFlight = new Map<string, Promise<void>>();
  const stopping = new AbortController();
  let holding = false;
  let leaseCheckAt = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let ticking: Promise<void> | null = null;

  // A turn is a few small queries; on a busy database one may take seconds. Promise a beat every
  // 5 s at least, so only a real hang (no beat for 10 s) counts as a stall.
  liveness.register(probeRunnerName, Math.max(tickMs, livenessFloorMs));

  async function renewLease(now: number) {
    if (now < leaseCheckAt) return;
    const { acquired } = await acquireLease({
      ctx,
      input: { name: probeRunnerName, holder, ttlMs: leaseTtlMs },
    });
    if (acquired !== holding)
      log.info(
        { holder, acquired },
        acquired ? 'probe runner took the lease' : 'probe runner lost the lease',
      );
    holding = acquired;
    leaseCheckAt = now + leaseTtlMs / 3;
    if (!holding) schedule.clear();
  }

  async function dueMonitors(now: number): Promise<ProbeMonitor[]> {
    const rows = await ctx.db
      .selectFrom('monitors')
      .select(['id', 'kind', 'target', 'settings', 'timeout_ms', 'interval_ms'])
      .where('enabled', '=', 1)
      .where('paused_at', 'is', null)
      .where('kind', '!=', 'heartbeat')
      .orderBy('position')
      .execute();
    const active = new Set(rows.map((r) => r.id));
    for (const id of schedule.keys()) if (!active.has(id)) schedule.delete(id);
    const due: ProbeMonitor[] = [];
    for (const row of rows) {
      let s = schedule.get(row.id);
      if (!s || s.intervalMs !== row.interval_ms) {
        // First run (or a new interval): somewhere in the first interval, at most 10 s away.
        s = {
          dueAt: now + Math.floor(random() * Math.min(row.interval_ms, 10_000)),
          intervalMs: row.interval_ms,
        };
        schedule.set(row.id, s);
      }
      if (s.dueAt <= now && !inFlight.has(row.id)) due.push(row);
    }
    return due;
  }

  function launch(m: ProbeMonitor, now: number) {
    const s = schedule.get(m.id);
    if (s) s.dueAt = now + s.intervalMs;
    const run = (async () => {
      const result = await withDeadline(probe(m, env, { signal: stopping.signal }), m.timeout_ms + graceMs);
      if (stopping.signal.aborted) return;
      recordProbeMetrics(m, result);
      const recorded = await recordProbeResult({ ctx, input: { monitorId: m.id, result } });
      if (recorded?.changed)
        log.info({ monitor: m.id, state: recorded.state, detail: result.detail }, 'monitor state changed');
    })()
      .catch((err: unknown) => log.error({ err, monitor: m.id }, 'probe could not be recorded'))
      .finally(() => inFlight.delete(m.id));
    inFlight.set(m.id, run);
  }

  async function turn() {
    liveness.beat(probeRunnerName);
    const now = ctx.clock().getTime();
    await renewLease(now);
    if (!holding || stopping.signal.aborted) return;
    for (const m of await dueMonitors(now)) {
      if (inFlight.size >= concurrency) break;
      launch(m, now);
    }
    const missed = await markMissedHeartbeats({ ctx });
    for (const id of missed) log.warn({ monitor: id }, 'heartbeat missed');
  }

  const runner: ProbeRunner = {
    tick() {
      // One turn at a time: a slow database must not stack turns on top of each other.
      ticking ??= turn()
        .catch((err: unknown) => log.error({ err }, 'probe runner turn failed'))
        .finally(() => {
          ticking = null;
        });
      return ticking;
    },
    async idle() {
      await Promise.allSettled([...inFlight.values()]);
    },
    start() {
      void runner.tick();
      timer = setInterval(() => void runner.tick(), tickMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      stopping.abort();
      liveness.unregister(probeRunnerName);
      await ticking;
      await runner.idle();
      if (holding) await releaseLease({ ctx, input: { name: probeRunnerName, holder } }).catch(() => {});
      holding = false;
    },
    holdsLease: () => holding,
  };
  return runner;
}
