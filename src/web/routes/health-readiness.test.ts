import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveness } from '#src/jobs/liveness.ts';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';

describe('/readyz and the liveness registry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    t.deps.liveness = createLiveness(t.clock);
  });
  afterAll(() => t.close());

  it('is ready while every part beats, and answers 503 naming the stalled part', async () => {
    const live = t.deps.liveness!;
    live.register('probe-runner', 1_000);
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ok', database: 'ok' });
    t.clock.advance(2_500);
    const stalled = await t.app.inject('/readyz');
    expect(stalled.statusCode).toBe(503);
    expect(stalled.json()).toEqual({ status: 'unavailable', database: 'ok', stalled: ['probe-runner'] });
    live.beat('probe-runner');
    expect((await t.app.inject('/readyz')).statusCode).toBe(200);
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
  });
});
