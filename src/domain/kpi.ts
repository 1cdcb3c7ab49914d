/**
 * @module SIP KPIs of a peer from counted signalling (RFC 6076, ITU-T E.425; facts in
 * ../shared/TELEPHONY.md). Pure: the HEP collector counts per 10-second window, the detectors and
 * pages sum windows and ask for ratios here.
 *
 * @example
 * const k = kpis(sumCounts([w1, w2])); // k.asr === 0.42, k.isa === null when there were no INVITEs
 */

/** Counts of one peer in one window (10 s raw, or an hour roll-up). */
export interface WindowCounts {
  /** Initial INVITEs sent to the peer (seizures). */
  invites: number;
  /** INVITEs the peer answered with 200. */
  answered: number;
  /** Final response code → count, only responses the peer itself sent. */
  codes: Record<string, number>;
  /** Effective per E.425 / RFC 6076 SEER: 200, 480, 486, 600, 603. */
  ner_effective: number;
  /** Ineffective (network failure): 408 unless a 180/183 was seen first, 500, 503, 504. */
  isa_failures: number;
  /** INVITEs − 3xx: the SER and NER denominator. */
  ser_base: number;
  /** Post-dial delay INVITE → first 180/183 (or the final response if none), ms. */
  pdd_sum_ms: number;
  pdd_count: number;
  /** REGISTER attempts that ended (a challenge answered and retried counts once). */
  registers: number;
  register_ok: number;
  register_failed: number;
  /** REGISTER → 200 (over the whole attempt, challenge included), ms. */
  register_ms_sum: number;
  register_ms_count: number;
}

export interface Kpis {
  /** Answer-seizure ratio 0–1. */
  asr: number | null;
  /** Network effectiveness ratio (SEER) 0–1. */
  ner: number | null;
  /** Session establishment ratio 0–1. */
  ser: number | null;
  /** Ineffective session attempts 0–1. */
  isa: number | null;
  /** Mean post-dial delay (ms). */
  pddMs: number | null;
  /** Share of REGISTER attempts that ended in 200, 0–1. */
  registrationSuccess: number | null;
  /** Mean registration time (ms). */
  registrationMs: number | null;
}

/** Codes that count as effective (E.425 / RFC 6076 SEER). */
export const nerEffectiveCodes: ReadonlySet<number> = new Set([200, 480, 486, 600, 603]);
/** Codes that count as ineffective attempts (RFC 6076 ISA); 408 only without a prior 18x. */
export const isaCodes: ReadonlySet<number> = new Set([408, 500, 503, 504]);

export function emptyCounts(): WindowCounts {
  return {
    invites: 0,
    answered: 0,
    codes: {},
    ner_effective: 0,
    isa_failures: 0,
    ser_base: 0,
    pdd_sum_ms: 0,
    pdd_count: 0,
    registers: 0,
    register_ok: 0,
    register_failed: 0,
    register_ms_sum: 0,
    register_ms_count: 0,
  };
}

/** The numeric fields of `WindowCounts` (everything except `codes`). */
export const countFields = [
  'invites',
  'answered',
  'ner_effective',
  'isa_failures',
  'ser_base',
  'pdd_sum_ms',
  'pdd_count',
  'registers',
  'register_ok',
  'register_failed',
  'register_ms_sum',
  'register_ms_count',
] as const satisfies readonly Exclude<keyof WindowCounts, 'codes'>[];

/** Adds `b` into `a` (mutates `a`; used by the aggregator on its own accumulator). */
export function addCounts(a: WindowCounts, b: WindowCounts): WindowCounts {
  for (const f of countFields) a[f] += b[f];
  for (const [code, n] of Object.entries(b.codes)) a.codes[code] = (a.codes[code] ?? 0) + n;
  return a;
}

export function sumCounts(windows: Iterable<WindowCounts>): WindowCounts {
  const total = emptyCounts();
  for (const w of windows) addCounts(total, w);
  return total;
}

function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

export function kpis(c: WindowCounts): Kpis {
  return {
    asr: ratio(c.answered, c.invites),
    ner: ratio(c.ner_effective, c.ser_base),
    ser: ratio(c.answered, c.ser_base),
    isa: ratio(c.isa_failures, c.invites),
    pddMs: ratio(c.pdd_sum_ms, c.pdd_count),
    registrationSuccess: ratio(c.register_ok, c.register_ok + c.register_failed),
    registrationMs: ratio(c.register_ms_sum, c.register_ms_count),
  };
}

/**
 * Counts one final response of the peer to an initial INVITE into `c`. `sawRinging`: a 180/183
 * came first (then 408 is the caller's no-answer timeout, not a network failure).
 */
export function countInviteFinal(c: WindowCounts, code: number, sawRinging: boolean): void {
  const key = String(code);
  c.codes[key] = (c.codes[key] ?? 0) + 1;
  if (code === 200) c.answered += 1;
  if (nerEffectiveCodes.has(code)) c.ner_effective += 1;
  if (isaCodes.has(code) && !(code === 408 && sawRinging)) c.isa_failures += 1;
  // SER/NER exclude redirected attempts: the base is INVITEs − 3xx.
  if (code >= 300 && code < 400) c.ser_base -= 1;
}

/** Counts one initial INVITE sent to the peer. */
export function countInvite(c: WindowCounts): void {
  c.invites += 1;
  c.ser_base += 1;
}
