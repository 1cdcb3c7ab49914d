import { describe, expect, it } from 'vitest';
import { countInvite, countInviteFinal, emptyCounts, kpis, sumCounts, type WindowCounts } from './kpi.ts';

/** Counts for INVITEs each answered with the given final code (and whether 18x came first). */
function calls(outcomes: [code: number, ringing: boolean][]): WindowCounts {
  const c = emptyCounts();
  for (const [code, ringing] of outcomes) {
    countInvite(c);
    countInviteFinal(c, code, ringing);
  }
  return c;
}

describe('kpis', () => {
  it('gives null for every ratio without a denominator', () => {
    expect(kpis(emptyCounts())).toEqual({
      asr: null,
      ner: null,
      ser: null,
      isa: null,
      pddMs: null,
      registrationSuccess: null,
      registrationMs: null,
    });
  });

  it('counts user outcomes (486, 480, 603, 600) as effective for NER but not answered for ASR', () => {
    const k = kpis(
      calls([
        [200, true],
        [486, false],
        [480, true],
        [603, false],
        [600, false],
      ]),
    );
    expect(k.asr).toBe(0.2);
    expect(k.ner).toBe(1);
    expect(k.isa).toBe(0);
  });

  it('counts 500, 503, 504 and 408 without ringing as ineffective (ISA), 487 as neither', () => {
    const k = kpis(
      calls([
        [500, false],
        [503, false],
        [504, false],
        [408, false],
        [408, true],
        [487, true],
        [200, true],
        [200, false],
      ]),
    );
    expect(k.isa).toBe(4 / 8);
    expect(k.ner).toBe(2 / 8);
    expect(k.asr).toBe(2 / 8);
  });

  it('takes redirects (3xx) out of the SER and NER base, not out of ASR', () => {
    const k = kpis(
      calls([
        [200, true],
        [302, false],
        [301, false],
        [486, false],
      ]),
    );
    expect(k.ser).toBe(1 / 2);
    expect(k.ner).toBe(2 / 2);
    expect(k.asr).toBe(1 / 4);
  });

  it('keeps every final code by number', () => {
    const c = calls([
      [503, false],
      [503, false],
      [200, true],
    ]);
    expect(c.codes).toEqual({ '503': 2, '200': 1 });
  });

  it('averages PDD and registration time, and rates registrations that ended', () => {
    const c = {
      ...emptyCounts(),
      pdd_sum_ms: 900,
      pdd_count: 3,
      registers: 4,
      register_ok: 3,
      register_failed: 1,
    };
    c.register_ms_sum = 120;
    c.register_ms_count = 3;
    const k = kpis(c);
    expect(k.pddMs).toBe(300);
    expect(k.registrationSuccess).toBe(0.75);
    expect(k.registrationMs).toBe(40);
  });
});

describe('sumCounts', () => {
  it('adds windows field by field and merges code maps', () => {
    const a = calls([
      [200, true],
      [503, false],
    ]);
    const b = calls([
      [503, false],
      [404, false],
    ]);
    b.pdd_sum_ms = 50;
    b.pdd_count = 1;
    const s = sumCounts([a, b]);
    expect(s.invites).toBe(4);
    expect(s.isa_failures).toBe(2);
    expect(s.codes).toEqual({ '200': 1, '503': 2, '404': 1 });
    expect(s.pdd_count).toBe(1);
    // inputs untouched
    expect(a.codes).toEqual({ '200': 1, '503': 1 });
  });

  it('of nothing is empty', () => {
    expect(sumCounts([])).toEqual(emptyCounts());
  });
});
