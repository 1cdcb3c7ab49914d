/**
 * @module A token bucket: `rate` tokens per second, holding at most `burst`. The delivery worker
 * keeps one per channel kind so that a fan-out of thousands does not flood an SMTP relay or a chat
 * API beyond what it accepts. Pure: the caller passes the time.
 *
 * @example
 * const bucket = createTokenBucket({ rate: 5, burst: 5 }, 0);
 * bucket.take(now) // 0 = go now; otherwise ms to wait before trying again
 */
export interface TokenBucket {
  /** Takes a token if one is there (returns 0), else returns how long until one is (ms). */
  take(nowMs: number): number;
}

export function createTokenBucket(opts: { rate: number; burst?: number }, startMs: number): TokenBucket {
  const rate = Math.max(opts.rate, 0.001);
  const burst = Math.max(1, opts.burst ?? Math.ceil(rate));
  let tokens = burst;
  let last = startMs;
  return {
    take(nowMs) {
      tokens = Math.min(burst, tokens + ((nowMs - last) / 1000) * rate);
      last = Math.max(last, nowMs);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) / rate) * 1000);
    },
  };
}

/**
 * Wait before attempt `attempt + 1` after `attempt` failures (ms): doubling from `baseMs`, capped,
 * with half of it random ("equal jitter") so that many failed messages do not return at once.
 */
export function backoffMs(attempt: number, random: () => number, baseMs = 30_000, capMs = 3_600_000): number {
  const full = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(full / 2 + random() * (full / 2));
}
