/**
 * @module What every active probe (SIP OPTIONS, SIP REGISTER, HTTP, TCP, DNS, TLS) returns. The
 * probe runner (jobs/) turns a series of these into a monitor's state; probes themselves keep no
 * state and never throw: a failure is a result.
 */

/**
 * - `up`: answered as expected;
 * - `down`: no answer, refused, wrong code, wrong keyword, …;
 * - `overloaded`: the peer said so (SIP 503: overloaded or in maintenance) — its own state,
 *   not a plain failure.
 */
export type ProbeOutcome = 'up' | 'down' | 'overloaded';

export interface ProbeResult {
  outcome: ProbeOutcome;
  /** Round-trip time of the successful exchange (ms), or time spent until it failed. */
  rttMs: number;
  /** Protocol status code when one was received (SIP or HTTP status). */
  code?: number;
  /** Short English detail for logs and the console, e.g. `timeout after 2000 ms (3 transmissions)`. */
  detail: string;
  /** Kind-specific numbers (e.g. `registrationMs`, `certificateDaysLeft`). */
  metrics?: Record<string, number>;
}

export interface ProbeOptions {
  /** Aborts the probe (dialtone stops); the probe resolves with `down` and detail `aborted`. */
  signal?: AbortSignal;
}
