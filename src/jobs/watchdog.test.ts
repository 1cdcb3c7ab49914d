import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock } from '../../test/support/factories.ts';
import { createLiveness } from './liveness.ts';
import { createWatchdog } from './watchdog.ts';

let server: Server;
let url = '';
let pings = 0;
beforeAll(async () => {
  server = createServer((_req, res) => {
    pings++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping/abc`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function recordingLog() {
  const errors: string[] = [];
  return { errors, log: { error: (_o: object, msg: string) => errors.push(msg), warn() {}, info() {} } };
}

describe('watchdog', () => {
  it('logs a stall by name, stops the dead-man calls while it lasts, and resumes them after', async () => {
    pings = 0;
    const clock = testClock('2026-11-20T10:00:00.000Z');
    const liveness = createLiveness(clock);
    liveness.register('probe-runner', 1_000);
    liveness.register('hep-collector', 10_000);
    const { errors, log } = recordingLog();
    const dog = createWatchdog({
      liveness,
      clock,
      log,
      deadMan: { url, everyMs: 60_000, allowPrivate: true },
    });

    expect(await dog.tick()).toEqual([]);
    expect(pings).toBe(1);
    clock.advance(30_000); // not due yet
    liveness.beat('probe-runner');
    liveness.beat('hep-collector');
    await dog.tick();
    expect(pings).toBe(1);

    clock.advance(30_000); // the probe runner has not beaten for 30 s: stalled
    liveness.beat('hep-collector');
    expect(await dog.tick()).toEqual(['probe-runner']);
    expect(errors).toEqual(['watchdog: stalled (no beat for more than two intervals): probe-runner']);
    expect(pings).toBe(1);
    clock.advance(5_000);
    liveness.beat('hep-collector');
    await dog.tick();
    expect(errors).toHaveLength(1); // the same stall is not repeated every few seconds
    clock.advance(60_000);
    liveness.beat('hep-collector');
    await dog.tick();
    expect(errors).toHaveLength(2); // … but once a minute

    liveness.beat('probe-runner');
    expect(await dog.tick()).toEqual([]);
    expect(pings).toBe(2);
    await dog.stop();
  });

  it('refuses a private dead-man URL unless allowed, and never throws', async () => {
    pings = 0;
    const clock = testClock();
    const liveness = createLiveness(clock);
    const dog = createWatchdog({
      liveness,
      clock,
      log: recordingLog().log,
      deadMan: { url, everyMs: 1_000, allowPrivate: false },
    });
    expect(await dog.tick()).toEqual([]);
    expect(pings).toBe(0);
  });
});
