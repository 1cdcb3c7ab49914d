import { describe, expect, it } from 'vitest';
import { outcomeRows } from './call-mix.ts';

const count = (rows: string[], code: string) => rows.filter((r) => r === code).length;

describe('outcomeRows', () => {
  it('gives each block its mix, spread so that any tenth of a block is close to it', () => {
    const rows = outcomeRows([
      { calls: 100, mix: { '486': 0.1, '603': 0.05 } },
      { calls: 100, mix: { '503': 0.4 } },
    ]);
    expect(rows).toHaveLength(200);
    const first = rows.slice(0, 100);
    expect([count(first, '486'), count(first, '603'), count(first, '200')]).toEqual([10, 5, 85]);
    const second = rows.slice(100);
    expect(count(second, '503')).toBe(40);
    for (let at = 100; at < 200; at += 10) expect(count(rows.slice(at, at + 10), '503')).toBe(4);
  });

  it('refuses shares above one', () => {
    expect(() => outcomeRows([{ calls: 10, mix: { '503': 0.7, '486': 0.4 } }])).toThrow(/> 1/);
  });
});
