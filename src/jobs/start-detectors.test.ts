import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore, type Store } from '#src/adapters/store/open-store.ts';
import { loadConfig } from '#src/config/env.ts';
import { systemActor } from '#src/services/context.ts';
import { seedMiniCatalog, testClock, testContext } from '../../test/support/factories.ts';
import { liveness } from './liveness.ts';
import { startDetectors } from './start-detectors.ts';

let store: Store;
beforeEach(async () => {
  store = await openStore({ sqliteFile: ':memory:' });
  await seedMiniCatalog(store);
});
afterEach(() => store.close());

const silent = { error: () => {}, warn: () => {} };

it('evaluates once per closed window, 2 s after it closed, and beats liveness on every tick', async () => {
  const clock = testClock('2026-11-23T10:00:01.000Z');
  const d = startDetectors({
    config: loadConfig({}),
    ctx: testContext(store, clock, systemActor),
    log: silent,
  });
  const run = d.jobs[0]!.run;
  try {
    expect(d.jobs.map((j) => [j.name, j.everyMs])).toEqual([
      ['detector-loop', 1_000],
      ['alert-retention', 3_600_000],
    ]);
    // 10:00:01 − 2 s settles into the window of 09:59:50: evaluated once.
    expect(await run()).toMatchObject({ skipped: false });
    clock.set('2026-11-23T10:00:01.900Z');
    expect(await run()).toBeNull();
    // 10:00:02: the window 09:59:50–10:00:00 has been stored for 2 s: the next pass.
    clock.set('2026-11-23T10:00:02.000Z');
    expect(await run()).toMatchObject({ skipped: false });
    clock.set('2026-11-23T10:00:11.999Z');
    expect(await run()).toBeNull();
    expect(liveness.parts().some((p) => p.name === 'detector-loop')).toBe(true);
  } finally {
    d.stop();
  }
  expect(liveness.parts().some((p) => p.name === 'detector-loop')).toBe(false);
});

it('runs nothing with DIALTONE_DETECTORS=false', () => {
  const d = startDetectors({
    config: loadConfig({ DIALTONE_DETECTORS: 'false' }),
    ctx: testContext(store, testClock(), systemActor),
    log: silent,
  });
  expect(d.jobs).toEqual([]);
});
