import { describe, expect, it } from 'vitest';
import { backoffMs, createTokenBucket } from './token-bucket.ts';

describe('token bucket', () => {
  it('lets a burst through, then one token per 1/rate seconds', () => {
    const bucket = createTokenBucket({ rate: 2, burst: 2 }, 0);
    expect([bucket.take(0), bucket.take(0)]).toEqual([0, 0]);
    expect(bucket.take(0)).toBe(500);
    expect(bucket.take(250)).toBe(250);
    expect(bucket.take(500)).toBe(0);
    expect(bucket.take(500)).toBe(500);
  });

  it('never holds more than the burst after a long pause', () => {
    const bucket = createTokenBucket({ rate: 1, burst: 1 }, 0);
    expect(bucket.take(3_600_000)).toBe(0);
    expect(bucket.take(3_600_000)).toBe(1000);
  });
});

describe('backoff', () => {
  it('doubles from the base with half of it random, up to the cap', () => {
    expect(backoffMs(1, () => 0)).toBe(15_000);
    expect(backoffMs(1, () => 1)).toBe(30_000);
    expect(backoffMs(3, () => 1)).toBe(120_000);
    expect(backoffMs(30, () => 1)).toBe(3_600_000);
    expect(backoffMs(30, () => 0)).toBe(1_800_000);
  });
});
