/**
 * @module Detector rules: what each kind compares, its parameters with defaults and bounds, and
 * the rules a peer gets when the catalog configures none for it (documented in docs/ALERTS.md).
 * Parameters are read from untyped input (catalog YAML, database JSON) with path-precise errors.
 *
 * @example
 * readRuleParams('isa', { threshold: 0.2 }, 'detectors[0].params')
 * // → { params: { threshold: 0.2, clearBelow: 0.1, spanSeconds: 60, … }, errors: [] }
 */
import type { FieldError } from '../errors.ts';

export const ruleKinds = ['isa', 'code-rate', 'register-failure', 'baseline', 'silence'] as const;
export type RuleKind = (typeof ruleKinds)[number];
export const isRuleKind = (v: unknown): v is RuleKind =>
  typeof v === 'string' && (ruleKinds as readonly string[]).includes(v);

export type Severity = 'warning' | 'critical';
export type SilenceSignal = 'invites' | 'register-ok';

/** Shared by every kind: how many bad evaluations raise, how many good ones clear. */
export interface CommonParams {
  severity: Severity;
  /** Consecutive bad evaluations (one per 10 s) before the alert fires. */
  fireAfter: number;
  /** Consecutive good evaluations before it clears. */
  clearAfter: number;
  /** Look-back of one evaluation (s, a multiple of 10). */
  spanSeconds: number;
}

/** A share above `threshold` is bad, below `clearBelow` good, between them nothing changes. */
export interface RatioParams extends CommonParams {
  threshold: number;
  clearBelow: number;
  /** Fewer attempts than this in the span: no verdict (too few to judge). */
  minAttempts: number;
  /** code-rate only: the codes counted. */
  codes?: number[];
}

export interface BaselineParams extends CommonParams {
  /** Least rise of the failure share over the baseline that counts (0.02 = 2 points). */
  points: number;
  /** Least z-score of that rise (binomial test against the baseline share). */
  z: number;
  minAttempts: number;
  /** Same weekday and hour over this many past weeks; fewer than two: moving average. */
  weeks: number;
  /** Half-life of the moving average (min). */
  halfLifeMinutes: number;
}

export interface SilenceParams extends CommonParams {
  signal: SilenceSignal;
  /** Bad when the span holds less than this share of what the baseline expects. */
  share: number;
  /** A peer expected to send fewer than this in the span "normally has none": no verdict. */
  minExpected: number;
  weeks: number;
  halfLifeMinutes: number;
}

export type RuleParams = RatioParams | BaselineParams | SilenceParams;
export type ParamsOf<K extends RuleKind> = K extends 'baseline'
  ? BaselineParams
  : K extends 'silence'
    ? SilenceParams
    : RatioParams;

const common = (severity: Severity, spanSeconds: number, fireAfter = 1, clearAfter = 3): CommonParams => ({
  severity,
  fireAfter,
  clearAfter,
  spanSeconds,
});

/** Defaults per kind; a rule's params override single fields. */
export function defaultParams<K extends RuleKind>(kind: K): ParamsOf<K> {
  const table: Record<RuleKind, RuleParams> = {
    isa: { ...common('critical', 60), threshold: 0.15, clearBelow: 0.1, minAttempts: 20 },
    'code-rate': {
      ...common('critical', 30),
      threshold: 0.1,
      clearBelow: 0.05,
      minAttempts: 20,
      codes: [503],
    },
    'register-failure': {
      ...common('warning', 60),
      threshold: 0.2,
      clearBelow: 0.1,
      minAttempts: 10,
    },
    baseline: {
      ...common('critical', 20, 2, 3),
      points: 0.02,
      z: 2.5,
      minAttempts: 30,
      weeks: 4,
      halfLifeMinutes: 10,
    },
    silence: {
      ...common('critical', 120, 2, 2),
      signal: 'invites',
      share: 0.2,
      minExpected: 20,
      weeks: 4,
      halfLifeMinutes: 10,
    },
  };
  return structuredClone(table[kind]) as ParamsOf<K>;
}

export interface RuleSpec {
  /** Stable id: part of the alert's de-duplication key. */
  id: string;
  kind: RuleKind;
  params: RuleParams;
}

/**
 * What a peer is watched with when the catalog names no rule for it or its component: ISA,
 * network-failure codes, 404 and 480 (user outcome, so only a large share), registration
 * failures, deviation from the baseline, and silence of calls and of REGISTER 200 OKs.
 */
export function defaultRules(): RuleSpec[] {
  const rate = (codes: number[], threshold: number, severity: Severity): RatioParams => ({
    ...defaultParams('code-rate'),
    codes,
    threshold,
    clearBelow: threshold / 2,
    severity,
  });
  return [
    { id: 'default-isa', kind: 'isa', params: defaultParams('isa') },
    { id: 'default-503', kind: 'code-rate', params: rate([503], 0.1, 'critical') },
    { id: 'default-500', kind: 'code-rate', params: rate([500], 0.1, 'critical') },
    { id: 'default-404', kind: 'code-rate', params: rate([404], 0.2, 'warning') },
    { id: 'default-480', kind: 'code-rate', params: rate([480], 0.5, 'warning') },
    { id: 'default-register', kind: 'register-failure', params: defaultParams('register-failure') },
    { id: 'default-baseline', kind: 'baseline', params: defaultParams('baseline') },
    { id: 'default-silence', kind: 'silence', params: defaultParams('silence') },
    {
      id: 'default-silence-register',
      kind: 'silence',
      params: { ...defaultParams('silence'), signal: 'register-ok', severity: 'warning', spanSeconds: 600 },
    },
  ];
}

type Check = (v: unknown) => boolean;
const share: Check = (v) => typeof v === 'number' && v > 0 && v <= 1;
const int =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
// At most an hour: the loop reads every peer's windows of the longest span each pass.
const span: Check = (v) => int(10, 3600)(v) && (v as number) % 10 === 0;
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v);
const codes: Check = (v) =>
  Array.isArray(v) && v.length >= 1 && v.length <= 20 && v.every((c) => int(400, 699)(c));

/** Allowed keys per kind with their check and the hint shown when a value is refused. */
const commonChecks: Record<string, [Check, string]> = {
  severity: [oneOf('warning', 'critical'), 'warning, critical'],
  fireAfter: [int(1, 60), '1–60'],
  clearAfter: [int(1, 360), '1–360'],
  spanSeconds: [span, '10–3600, a multiple of 10'],
};
const ratioChecks = {
  ...commonChecks,
  threshold: [share, '0 < x ≤ 1'],
  clearBelow: [share, '0 < x ≤ 1'],
  minAttempts: [int(1, 1_000_000), '1–1000000'],
} satisfies Record<string, [Check, string]>;
const historyChecks: Record<string, [Check, string]> = {
  weeks: [int(1, 8), '1–8'],
  halfLifeMinutes: [int(1, 1440), '1–1440'],
};
const checks: Record<RuleKind, Record<string, [Check, string]>> = {
  isa: ratioChecks,
  'code-rate': { ...ratioChecks, codes: [codes, '1–20 codes from 400 to 699'] },
  'register-failure': ratioChecks,
  baseline: {
    ...commonChecks,
    ...historyChecks,
    points: [share, '0 < x ≤ 1'],
    z: [(v) => typeof v === 'number' && v >= 0.5 && v <= 20, '0.5–20'],
    minAttempts: [int(1, 1_000_000), '1–1000000'],
  },
  silence: {
    ...commonChecks,
    ...historyChecks,
    signal: [oneOf('invites', 'register-ok'), 'invites, register-ok'],
    share: [share, '0 < x ≤ 1'],
    minExpected: [int(1, 1_000_000), '1–1000000'],
  },
};

/** The kind's defaults with `raw`'s fields laid over them; errors name `path.<field>`. */
export function readRuleParams(
  kind: RuleKind,
  raw: unknown,
  path: string,
): { params: RuleParams; errors: FieldError[] } {
  const params = defaultParams(kind) as unknown as Record<string, unknown>;
  const errors: FieldError[] = [];
  if (raw === undefined || raw === null) return { params: params as unknown as RuleParams, errors };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      params: params as unknown as RuleParams,
      errors: [{ path, key: 'catalog.error.expectedMapping' }],
    };
  }
  const allowed = checks[kind];
  for (const [key, value] of Object.entries(raw)) {
    const check = allowed[key];
    if (!check) {
      errors.push({
        path: `${path}.${key}`,
        key: 'catalog.error.unknownKey',
        params: { allowed: Object.keys(allowed).join(', ') },
      });
    } else if (!check[0](value)) {
      errors.push({
        path: `${path}.${key}`,
        key: 'alerts.error.invalidParam',
        params: { allowed: check[1] },
      });
    } else params[key] = Array.isArray(value) ? [...value].sort((a, b) => a - b) : value;
  }
  if ('clearBelow' in params && (params.clearBelow as number) > (params.threshold as number)) {
    errors.push({ path: `${path}.clearBelow`, key: 'alerts.error.clearAboveThreshold' });
  }
  return { params: params as unknown as RuleParams, errors };
}
