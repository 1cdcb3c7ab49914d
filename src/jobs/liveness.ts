/**
 * @module In-memory liveness registry: the parts that must keep running (probe runner, HEP
 * collector, detector loop) register how often they beat and beat while they work; the watchdog
 * asks which ones stalled. Deliberately no database and no alert pipeline: it must keep telling
 * the truth when those are the things that hang.
 *
 * @example
 * const liveness = createLiveness(() => new Date());
 * liveness.register('probe-runner', 1_000);
 * liveness.beat('probe-runner');          // every loop turn
 * liveness.stalled(new Date());           // [] while it beats, ['probe-runner'] after 2 s without
 */

export interface LivenessPart {
  name: string;
  /** How often the part promised to beat (ms). */
  expectedEveryMs: number;
  /** Last beat (or registration) time, epoch ms. */
  lastBeatAt: number;
}

export interface Liveness {
  /** Declares a part; counts as a beat, so a fresh part is live. Registering again replaces the interval. */
  register(name: string, expectedEveryMs: number): void;
  /** Records that the part is alive now. Unknown names are ignored (a part that never registered is not watched). */
  beat(name: string): void;
  /** Forgets a part that stopped on purpose (shutdown), so it is not reported as stalled. */
  unregister(name: string): void;
  /** Names of parts without a beat for more than two of their intervals, sorted. */
  stalled(now: Date): string[];
  /** Snapshot of every registered part (for /readyz and the console). */
  parts(): LivenessPart[];
}

export function createLiveness(clock: () => Date = () => new Date()): Liveness {
  const parts = new Map<string, LivenessPart>();
  return {
    register(name, expectedEveryMs) {
      if (!(expectedEveryMs > 0)) throw new RangeError(`liveness interval for ${name} must be > 0 ms`);
      parts.set(name, { name, expectedEveryMs, lastBeatAt: clock().getTime() });
    },
    beat(name) {
      const part = parts.get(name);
      if (part) part.lastBeatAt = clock().getTime();
    },
    unregister(name) {
      parts.delete(name);
    },
    stalled(now) {
      const t = now.getTime();
      return [...parts.values()]
        .filter((p) => t - p.lastBeatAt > 2 * p.expectedEveryMs)
        .map((p) => p.name)
        .sort();
    },
    parts() {
      return [...parts.values()].map((p) => ({ ...p }));
    },
  };
}

/** The process-wide registry that `startDialtone` wires: collectors, loops and the watchdog share it. */
export const liveness: Liveness = createLiveness();
