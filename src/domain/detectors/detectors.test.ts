import { describe, expect, it } from 'vitest';
import { drive, seeded, windowOf } from '../../../test/support/telemetry-simulation.ts';
import { evaluateRule, judgeDeviation, judgeSilence } from './evaluate.ts';
import { maintenancePhase } from './maintenance.ts';
import { evaluateProbe } from './probe.ts';
import { defaultParams, defaultRules, readRuleParams } from './rules.ts';
import { alertTitle, describeEvidence } from './text.ts';
import { decide, type Verdict } from './verdict.ts';

const v = (state: Verdict['state']): Verdict => ({ state, value: 0, limit: 0, baseline: null, volume: 0 });
/** Normal traffic: answered, busy, no answer, cancelled, declined — user outcomes only. */
const normal = { 200: 60, 486: 12, 487: 15, 480: 8, 603: 5 };

describe('hysteresis', () => {
  it('fires after K bad, clears after M good, holds in between', () => {
    expect(decide(false, [v('bad')], 2, 3)).toBe('keep');
    expect(decide(false, [v('bad'), v('bad')], 2, 3)).toBe('raise');
    expect(decide(false, [v('bad'), v('hold')], 2, 3)).toBe('keep');
    expect(decide(false, [{ ...v('bad'), strong: true }, v('hold')], 2, 3)).toBe('raise');
    expect(decide(true, [v('good'), v('good'), v('bad')], 2, 3)).toBe('keep');
    expect(decide(true, [v('good'), v('good'), v('good')], 2, 3)).toBe('clear');
    expect(decide(true, [v('insufficient'), v('good'), v('good')], 2, 3)).toBe('keep');
    expect(decide(true, [v('bad'), v('bad')], 2, 3)).toBe('keep');
  });
});

describe('default rules on synthetic traffic', () => {
  it('stay silent on five minutes of user outcomes only (486, 487, 480, 603)', () => {
    for (const seed of [1, 2, 3]) {
      const rnd = seeded(seed);
      const { fired } = drive(
        defaultRules(),
        () => windowOf(30 + Math.floor(rnd() * 20), normal, rnd),
        30 + 6 * 5,
      );
      expect(fired).toEqual([]);
    }
  });

  it('raise ISA and 503 within 30 s when 40 % of INVITEs get 503', () => {
    const rnd = seeded(7);
    const { fired } = drive(
      defaultRules(),
      (i) => windowOf(40, i < 30 ? normal : { ...normal, 503: 67 }, rnd),
      36,
    );
    const first = (id: string) => fired.find((f) => f.ruleId === id)?.window;
    // Window 30 is the first with 503s; the alert fires after the third window at the latest.
    expect(first('default-503')).toBeLessThanOrEqual(32);
    expect(first('default-baseline')).toBeLessThanOrEqual(32);
    expect(first('default-isa')).toBeDefined();
  });

  it('catch a failure share rising 2 points every 10 s before ASR has fallen 10 points', () => {
    // From window 30 on, 503s take the place of answered calls: ASR falls exactly as fast as the
    // failure share rises, 2 points per window. Several seeds, 10 and 30 calls per second (below
    // about 10 per second, chance alone moves the share by several points per window).
    for (const perWindow of [100, 300]) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const rnd = seeded(seed * 1000 + perWindow);
        const failureShare = (i: number) => Math.max(0, (i - 29) * 0.02);
        const { fired } = drive(
          defaultRules(),
          (i) =>
            windowOf(
              perWindow,
              { ...normal, 200: 60 - 100 * failureShare(i), 503: 100 * failureShare(i) },
              rnd,
            ),
          45,
        );
        const at = fired[0]?.window ?? 45;
        expect(fired[0]?.ruleId, `seed ${seed}`).toBe('default-baseline');
        // Fired after window `at` closed; the next window (still 2 points worse) runs meanwhile.
        expect(failureShare(at + 1), `${perWindow} per window, seed ${seed}`).toBeLessThan(0.1);
      }
    }
  });

  it('raise silence when INVITEs stop and clear when they return', () => {
    const rnd = seeded(5);
    const rule = defaultRules().filter((r) => r.id === 'default-silence');
    const { fired, cleared } = drive(rule, (i) => windowOf(i >= 60 && i < 90 ? 0 : 20, normal, rnd), 110);
    expect(fired).toEqual([{ ruleId: 'default-silence', window: expect.any(Number) }]);
    expect(fired[0]!.window).toBeGreaterThanOrEqual(60);
    expect(fired[0]!.window).toBeLessThan(75);
    expect(cleared[0]!.window).toBeGreaterThanOrEqual(90);
  });

  it('never calls a peer silent that has no traffic to lose', () => {
    const { fired } = drive(defaultRules(), () => windowOf(0, normal, seeded(1)), 60);
    expect(fired).toEqual([]);
  });

  it('raise a registration alert when REGISTERs are rejected with 403', () => {
    const rule = defaultRules().filter((r) => r.id === 'default-register');
    const { fired } = drive(
      rule,
      (i) => {
        const c = windowOf(0, normal, seeded(1));
        c.registers = 10;
        c.register_ok = i < 20 ? 10 : 2;
        c.register_failed = 10 - c.register_ok;
        c.codes['403'] = c.register_failed;
        return c;
      },
      25,
    );
    // 80 % failures from window 20 on: the 60-s share passes 20 % once two such windows are in it.
    expect(fired).toEqual([{ ruleId: 'default-register', window: 21 }]);
  });
});

describe('evaluation evidence', () => {
  it('carries the numbers, the window and a 30-minute series', () => {
    const rnd = seeded(3);
    const start = Date.parse('2026-11-23T09:00:00.000Z');
    const windows = Array.from({ length: 10 }, (_, i) => ({
      at: start + i * 10_000,
      counts: windowOf(40, { 200: 1, 503: 1 }, rnd),
    }));
    const rule = { id: 'r', kind: 'code-rate' as const, params: defaultParams('code-rate') };
    const e = evaluateRule(rule, { windows, hourly: [], now: start + 100_000 + 4_000 }, false);
    expect(e.decision).toBe('raise');
    expect(e.evidence).toMatchObject({
      kind: 'code-rate',
      codes: [503],
      unit: 'share',
      window: { from: '2026-11-23T09:01:10.000Z', to: '2026-11-23T09:01:40.000Z' },
    });
    expect(e.evidence.volume).toBe(120);
    expect(e.evidence.series).toHaveLength(180);
    expect(e.evidence.series.at(-1)!.at).toBe('2026-11-23T09:01:30.000Z');
  });

  it('uses the same weekday and hour of past weeks when two or more exist', () => {
    const hourAt = Date.parse('2026-11-23T09:00:00.000Z');
    const week = 7 * 24 * 3600_000;
    const hourly = [1, 2].map((k) => ({ at: hourAt - k * week, counts: windowOf(3600, normal, seeded(k)) }));
    const rule = { id: 's', kind: 'silence' as const, params: defaultParams('silence') };
    // No raw history at all, yet the weeks say ~10 INVITEs per window are normal: silence now is bad.
    const e = evaluateRule(rule, { windows: [], hourly, now: hourAt + 10 * 60_000 }, false);
    expect(e.verdict.state).toBe('bad');
    expect(e.verdict.baseline).toBeCloseTo(120, 0);
  });
});

describe('judges', () => {
  const p = defaultParams('baseline');
  it('deviation needs points and significance', () => {
    expect(judgeDeviation({ failures: 3, answers: 100 }, 0.0, p).state).toBe('bad');
    // One failure in thirty is 3 points but could be chance: nothing changes yet.
    expect(judgeDeviation({ failures: 1, answers: 30 }, 0.0, p).state).toBe('hold');
    expect(judgeDeviation({ failures: 12, answers: 100 }, 0.1, p).state).toBe('hold');
    expect(judgeDeviation({ failures: 10, answers: 100 }, 0.1, p).state).toBe('good');
    expect(judgeDeviation({ failures: 10, answers: 20 }, 0.1, p).state).toBe('insufficient');
    expect(judgeDeviation({ failures: 10, answers: 100 }, null, p).state).toBe('insufficient');
  });
  it('silence judges only peers that normally send enough', () => {
    const s = defaultParams('silence');
    expect(judgeSilence(0, 10, s).state).toBe('insufficient');
    expect(judgeSilence(3, 100, s).state).toBe('bad');
    expect(judgeSilence(30, 100, s).state).toBe('hold');
    expect(judgeSilence(45, 100, s).state).toBe('good');
  });
});

describe('maintenance awareness', () => {
  const now = Date.parse('2026-11-22T12:00:00.000Z');
  it('is quiet while a window runs, verifies against the time before it, normal later', () => {
    expect(maintenancePhase([], now)).toEqual({ phase: 'normal' });
    expect(
      maintenancePhase(
        [{ status: 'in_progress', startedAt: '2026-11-22T11:00:00.000Z', completedAt: null }],
        now,
      ),
    ).toEqual({ phase: 'quiet' });
    expect(
      maintenancePhase(
        [{ status: 'verifying', startedAt: '2026-11-22T11:00:00.000Z', completedAt: null }],
        now,
      ),
    ).toEqual({ phase: 'verifying', baselineBefore: Date.parse('2026-11-22T11:00:00.000Z') });
    const done = (completedAt: string) => [
      { status: 'completed', startedAt: '2026-11-22T10:00:00.000Z', completedAt },
    ];
    expect(maintenancePhase(done('2026-11-22T11:45:00.000Z'), now).phase).toBe('verifying');
    expect(maintenancePhase(done('2026-11-22T11:15:00.000Z'), now).phase).toBe('normal');
  });

  it('in verification, a baseline from before the window still flags a failure share that stayed', () => {
    const start = Date.parse('2026-11-22T11:00:00.000Z');
    const rnd = seeded(9);
    // 15 min clean, 10 min maintenance (no traffic judged), then 20 % failures ever since.
    const windows = Array.from({ length: 180 }, (_, i) => ({
      at: start + i * 10_000,
      counts: windowOf(40, i < 150 ? normal : { ...normal, 500: 25 }, rnd),
    }));
    const rule = { id: 'b', kind: 'baseline' as const, params: defaultParams('baseline') };
    const now = start + 180 * 10_000 + 4_000;
    const e = evaluateRule(rule, { windows, hourly: [], now, baselineBefore: start + 90 * 10_000 }, true);
    expect(e.verdict.state).toBe('bad');
    expect(e.verdict.baseline).toBeLessThan(0.02);
  });
});

describe('probe states', () => {
  const m = {
    monitorId: 'm',
    kind: 'sip-options',
    since: '2026-11-22T12:00:00.000Z',
    lastCode: null,
    lastDetail: 'timeout',
    lastRttMs: null,
  };
  const now = Date.parse('2026-11-22T12:00:20.000Z');
  it('fires on down (critical) and overloaded (warning), clears after staying up', () => {
    expect(evaluateProbe({ ...m, state: 'down' }, false, now)).toMatchObject({
      decision: 'raise',
      severity: 'critical',
    });
    expect(evaluateProbe({ ...m, state: 'overloaded' }, false, now)).toMatchObject({ severity: 'warning' });
    expect(evaluateProbe({ ...m, state: 'up' }, true, now).decision).toBe('keep');
    expect(evaluateProbe({ ...m, state: 'up' }, true, now + 10_000).decision).toBe('clear');
    expect(evaluateProbe({ ...m, state: 'unknown' }, false, now).decision).toBe('keep');
  });
});

describe('rule parameters', () => {
  it('lays fields over defaults and names the field of each problem', () => {
    const ok = readRuleParams('code-rate', { codes: [503, 500], threshold: 0.2 }, 'detectors[0].params');
    expect(ok.errors).toEqual([]);
    expect(ok.params).toMatchObject({ codes: [500, 503], threshold: 0.2, minAttempts: 20 });
    const bad = readRuleParams(
      'isa',
      { threshold: 2, spanSeconds: 15, colour: 'red', clearBelow: 0.5 },
      'd.params',
    );
    expect(bad.errors.map((e) => e.path)).toEqual([
      'd.params.threshold',
      'd.params.spanSeconds',
      'd.params.colour',
      'd.params.clearBelow',
    ]);
    expect(readRuleParams('silence', 'x', 'p').errors[0]).toMatchObject({
      path: 'p',
      key: 'catalog.error.expectedMapping',
    });
  });
});

describe('evidence in words', () => {
  it('names the share, the volume, the window in the zone and the limit, in both languages', () => {
    const e = {
      kind: 'code-rate' as const,
      ruleId: 'default-503',
      unit: 'share' as const,
      value: 0.4,
      limit: 0.1,
      baseline: null,
      volume: 120,
      codes: [503],
      signal: null,
      window: { from: '2026-11-22T10:04:00.000Z', to: '2026-11-22T10:04:30.000Z' },
      series: [],
    };
    expect(describeEvidence(e, 'de', 'Europe/Berlin')).toBe(
      '40 % Antworten 503 bei 120 Versuchen von 11:04:00 bis 11:04:30 (Grenze 10 %).',
    );
    expect(describeEvidence(e, 'en', 'Europe/Berlin')).toBe(
      '40% 503 answers out of 120 attempts from 11:04:00 to 11:04:30 (limit 10%).',
    );
    const silence = {
      ...e,
      kind: 'silence' as const,
      unit: 'count' as const,
      value: 3,
      limit: 24,
      baseline: 120,
      codes: [],
      signal: 'invites',
    };
    expect(describeEvidence(silence, 'en', 'UTC')).toBe(
      '3 call attempts from 10:04:00 to 10:04:30, about 120 would be normal.',
    );
    expect(alertTitle(e, { component: { de: 'SIP-Trunk', en: 'SIP trunk' }, source: null }).en).toBe(
      'Many 503 answers from SIP trunk',
    );
  });
});
