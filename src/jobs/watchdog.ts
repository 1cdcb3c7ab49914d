/**
 * @module The watchdog: every few seconds it asks the liveness registry which parts (probe
 * runner, HEP collector, detector loop) stopped beating. A stall is logged at error level with
 * the parts' names (again each minute while it lasts), `/readyz` answers 503 naming them (it
 * reads the same registry), and the optional outbound dead-man heartbeat stops being called, so
 * an external service raises the alarm even when dialtone's own alert pipeline is what hangs.
 * Nothing here touches the database or the alert pipeline: that independence is the point.
 *
 * @example
 * const dog = createWatchdog({ liveness, clock, log, deadMan: { url, everyMs: 60_000, allowPrivate: false } });
 * dog.start(); … await dog.stop();
 */
import { guardedFetch } from '#src/adapters/net/ssrf-guard.ts';
import type { Clock } from '#src/domain/runtime.ts';
import type { Liveness } from './liveness.ts';

/** The slice of a logger the monitoring jobs use (pino's fits). */
export interface JobLog {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface DeadManOptions {
  /** Called with GET while everything is live (an external dead-man's switch, e.g. healthchecks.io). */
  url: string;
  /** How often (ms). */
  everyMs: number;
  /** SSRF policy: whether private ranges and loopback may be called. */
  allowPrivate: boolean;
}

export interface WatchdogOptions {
  liveness: Liveness;
  clock: Clock;
  log: JobLog;
  deadMan?: DeadManOptions | undefined;
  /** How often the registry is read (ms). */
  checkEveryMs?: number;
}

export interface Watchdog {
  /** One check (and a dead-man call when due). Returns the stalled parts. Exposed for tests. */
  tick(): Promise<string[]>;
  start(): void;
  stop(): Promise<void>;
}

/** While a stall lasts, it is logged again this often (ms), so it is not lost in the log. */
const repeatErrorMs = 60_000;

export function createWatchdog(options: WatchdogOptions): Watchdog {
  const { liveness, clock, log, deadMan } = options;
  let lastStalled = '';
  let lastErrorAt = 0;
  let nextCallAt = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<string[]> | null = null;
  const stopping = new AbortController();

  async function check(): Promise<string[]> {
    const now = clock().getTime();
    const stalled = liveness.stalled(new Date(now));
    const key = stalled.join(',');
    if (stalled.length > 0 && (key !== lastStalled || now - lastErrorAt >= repeatErrorMs)) {
      log.error(
        { stalled },
        `watchdog: stalled (no beat for more than two intervals): ${stalled.join(', ')}`,
      );
      lastErrorAt = now;
    } else if (stalled.length === 0 && lastStalled !== '') {
      log.info({}, 'watchdog: every part is beating again');
    }
    lastStalled = key;
    if (deadMan && stalled.length === 0 && now >= nextCallAt) {
      nextCallAt = now + deadMan.everyMs;
      const r = await guardedFetch(
        deadMan.url,
        { method: 'GET', timeoutMs: 10_000, signal: stopping.signal },
        { allowPrivate: deadMan.allowPrivate },
      );
      if (!r.ok) log.warn({ detail: r.detail }, 'watchdog: dead-man heartbeat call failed');
      else if (r.response.status >= 300)
        log.warn({ status: r.response.status }, 'watchdog: dead-man heartbeat refused');
    }
    return stalled;
  }

  const dog: Watchdog = {
    tick() {
      running ??= check().finally(() => {
        running = null;
      });
      return running;
    },
    start() {
      void dog.tick();
      timer = setInterval(() => void dog.tick(), options.checkEveryMs ?? 5_000);
    },
    async stop() {
      if (timer) clearInterval(timer);
      stopping.abort();
      await running?.catch(() => {});
    },
  };
  return dog;
}
