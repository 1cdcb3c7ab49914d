import { describe, expect, it } from 'vitest';
import { testClock } from '../../test/support/factories.ts';
import { createLiveness } from './liveness.ts';

describe('liveness', () => {
  it('reports a part stalled only after more than two intervals without a beat', () => {
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const live = createLiveness(clock);
    live.register('probe-runner', 1_000);
    live.register('hep-collector', 10_000);
    clock.advance(2_000);
    expect(live.stalled(clock())).toEqual([]);
    clock.advance(1);
    expect(live.stalled(clock())).toEqual(['probe-runner']);
    live.beat('probe-runner');
    expect(live.stalled(clock())).toEqual([]);
    clock.advance(20_000);
    expect(live.stalled(clock())).toEqual(['hep-collector', 'probe-runner']);
  });

  it('ignores beats of unknown parts and forgets unregistered ones', () => {
    const clock = testClock();
    const live = createLiveness(clock);
    live.beat('nobody');
    live.register('detector-loop', 500);
    clock.advance(5_000);
    expect(live.stalled(clock())).toEqual(['detector-loop']);
    live.unregister('detector-loop');
    expect(live.stalled(clock())).toEqual([]);
    expect(live.parts()).toEqual([]);
  });

  it('refuses a non-positive interval', () => {
    expect(() => createLiveness().register('x', 0)).toThrow(RangeError);
  });
});
