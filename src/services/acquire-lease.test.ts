import { beforeEach, expect, it } from 'vitest';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { acquireLease } from './acquire-lease.ts';
import { releaseLease } from './release-lease.ts';

describeEachStore('job leases', (getStore) => {
  beforeEach(async () => {
    await getStore().db.deleteFrom('job_leases').execute();
  });

  it('of two holders asking at once exactly one wins; the holder renews', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const ask = (holder: string) =>
      acquireLease({ ctx, input: { name: 'probe-runner', holder, ttlMs: 15_000 } });
    const [a, b] = await Promise.all([ask('a'), ask('b')]);
    expect([a.acquired, b.acquired].filter(Boolean)).toHaveLength(1);
    const winner = a.acquired ? 'a' : 'b';
    const loser = a.acquired ? 'b' : 'a';
    clock.advance(5_000);
    expect(await ask(winner)).toEqual({ acquired: true, expiresAt: '2026-11-20T10:00:20.000Z' });
    expect(await ask(loser)).toEqual({ acquired: false, expiresAt: null });
  });

  it('hands over when the holder stops renewing, and at once when it releases', async () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const ctx = testContext(getStore(), clock);
    const ask = (holder: string) =>
      acquireLease({ ctx, input: { name: 'detectors', holder, ttlMs: 10_000 } });
    expect((await ask('a')).acquired).toBe(true);
    clock.advance(9_999);
    expect((await ask('b')).acquired).toBe(false);
    clock.advance(1);
    expect((await ask('b')).acquired).toBe(true);
    expect((await ask('a')).acquired).toBe(false);
    await releaseLease({ ctx, input: { name: 'detectors', holder: 'a' } });
    expect((await ask('a')).acquired).toBe(false);
    await releaseLease({ ctx, input: { name: 'detectors', holder: 'b' } });
    expect((await ask('a')).acquired).toBe(true);
  });

  it('keeps leases of different names apart', async () => {
    const ctx = testContext(getStore());
    expect((await acquireLease({ ctx, input: { name: 'x', holder: 'a', ttlMs: 1_000 } })).acquired).toBe(
      true,
    );
    expect((await acquireLease({ ctx, input: { name: 'y', holder: 'b', ttlMs: 1_000 } })).acquired).toBe(
      true,
    );
  });
});
