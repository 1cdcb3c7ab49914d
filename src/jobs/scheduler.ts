/**
 * @module Runs periodic jobs (maintenance windows starting and ending, later probes, detectors,
 * outbox) on fixed intervals, one run of a job at a time; stop() waits for running jobs.
 */
import type { Logger } from 'pino';

export interface Job {
  name: string;
  /** How often (ms). */
  everyMs: number;
  run(): Promise<unknown>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(jobs: Job[], log: Pick<Logger, 'error'>): Scheduler {
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const p = job
        .run()
        .catch((err: unknown) => log.error({ err, job: job.name }, 'job failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    tick();
    return setInterval(tick, job.everyMs);
  });
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.allSettled([...running]);
    },
  };
}
