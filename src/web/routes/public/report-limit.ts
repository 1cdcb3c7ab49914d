/**
 * @module Reports filed per client address, counted in this process's memory over a sliding
 * window. Only filed reports count: someone correcting a form five times on a phone must not be
 * locked out. Floods of any requests are the rate-limit plugin's job (a higher limit on the route).
 * Entries live as long as the window; the map holds at most the addresses that filed within it.
 */
import type { Clock } from '#src/domain/runtime.ts';

export interface FiledLimiter {
  /** True while the address may file another report. */
  allows(address: string): boolean;
  record(address: string): void;
}

export function filedLimiter(clock: Clock, max: number, windowMs: number): FiledLimiter {
  const filed = new Map<string, number[]>();
  const recent = (address: string): number[] => {
    const since = clock().getTime() - windowMs;
    const times = (filed.get(address) ?? []).filter((t) => t > since);
    if (times.length === 0) filed.delete(address);
    else filed.set(address, times);
    return times;
  };
  return {
    allows: (address) => recent(address).length < max,
    record(address) {
      filed.set(address, [...recent(address), clock().getTime()]);
    },
  };
}
