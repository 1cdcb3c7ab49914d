import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ProbeResult } from '#src/adapters/probes/probe.ts';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { listMonitors } from '#src/services/list-monitors.ts';
import { testClock, testContext } from '../../test/support/factories.ts';
import { describeEachStore } from '../../test/support/stores.ts';
import { createLiveness } from './liveness.ts';
import { createProbeRunner, type ProbeRunner } from './probe-runner.ts';
import type { ProbeMonitor } from './run-probe.ts';

const quiet = { error() {}, warn() {}, info() {} };

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer((s) => s.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describeEachStore('probe runner', (getStore) => {
  const clock = testClock('2026-11-20T10:00:00.000Z');
  const runners: ProbeRunner[] = [];
  const make = (opts: Partial<Parameters<typeof createProbeRunner>[0]> = {}) => {
    const r = createProbeRunner({
      ctx: testContext(getStore(), clock),
      log: quiet,
      liveness: createLiveness(clock),
      random: () => 0,
      ...opts,
    });
    runners.push(r);
    return r;
  };
  async function apply(monitors: string) {
    const parsed = parseCatalogFile(`components:\n  - {id: sbc, name: SBC}\nmonitors:\n${monitors}`);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await applyCatalog({ ctx: testContext(getStore(), clock), input: { document: parsed.document } });
  }
  const stateOf = async (id: string) => (await listMonitors(getStore().db)).find((m) => m.id === id);

  beforeEach(async () => {
    clock.set('2026-11-20T10:00:00.000Z');
    await getStore().db.deleteFrom('job_leases').execute();
    await getStore().db.deleteFrom('monitors').execute();
    await getStore().db.deleteFrom('components').execute();
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
  });

  it('probes a real TCP listener: up, then down after two failures, then up again', async () => {
    let { server } = await listen();
    const port = (server.address() as AddressInfo).port;
    await apply(
      `  - {id: sbc-tcp, component: sbc, kind: tcp, name: SBC, target: "127.0.0.1:${port}", interval: 15s, timeout: 1s}`,
    );
    const runner = make({ env: {} });
    const step = async () => {
      await runner.tick();
      await runner.idle();
    };
    await step();
    expect(await stateOf('sbc-tcp')).toMatchObject({ state: 'up', lastDetail: 'connected' });
    await new Promise((resolve) => server.close(resolve));
    clock.advance(15_000);
    await step();
    expect(await stateOf('sbc-tcp')).toMatchObject({ state: 'up', lastDetail: 'ECONNREFUSED' });
    clock.advance(5_000);
    await step(); // not due yet: nothing probed
    clock.advance(10_000);
    await step();
    expect(await stateOf('sbc-tcp')).toMatchObject({ state: 'down', since: '2026-11-20T10:00:30.000Z' });
    // The peer comes back on the same port.
    server = createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    clock.advance(15_000);
    await step();
    expect(await stateOf('sbc-tcp')).toMatchObject({ state: 'up' });
    await new Promise((resolve) => server.close(resolve));
    const checks = await getStore().db.selectFrom('monitor_checks').select('outcome').orderBy('at').execute();
    expect(checks.map((c) => c.outcome)).toEqual(['up', 'down', 'down', 'up']);
  });

  it('with two processes only the lease holder probes; the other takes over when it stops', async () => {
    await apply(`  - {id: a, component: sbc, kind: tcp, name: A, target: "127.0.0.1:9", interval: 15s}`);
    const calls: string[] = [];
    const fake =
      (who: string) =>
      async (m: ProbeMonitor): Promise<ProbeResult> => {
        calls.push(`${who}:${m.id}`);
        return { outcome: 'up', rttMs: 1, detail: 'ok' };
      };
    const one = make({ holder: 'one', probe: fake('one') });
    const two = make({ holder: 'two', probe: fake('two') });
    await Promise.all([one.tick(), two.tick()]);
    await Promise.all([one.idle(), two.idle()]);
    expect([one.holdsLease(), two.holdsLease()].filter(Boolean)).toHaveLength(1);
    expect(calls).toHaveLength(1);
    const [winner, other] = one.holdsLease() ? [one, two] : [two, one];
    await winner.stop();
    clock.advance(15_000);
    await other.tick();
    await other.idle();
    expect(other.holdsLease()).toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[1]).not.toBe(calls[0]);
  });

  it('keeps at most `concurrency` probes in flight and beats liveness', async () => {
    await apply(
      ['a', 'b', 'c']
        .map((id) => `  - {id: ${id}, component: sbc, kind: tcp, name: ${id}, target: "127.0.0.1:9"}`)
        .join('\n'),
    );
    const release: (() => void)[] = [];
    const started: string[] = [];
    const liveness = createLiveness(clock);
    const runner = make({
      concurrency: 2,
      liveness,
      probe: (m) =>
        new Promise((resolve) => {
          started.push(m.id);
          release.push(() => resolve({ outcome: 'up', rttMs: 1, detail: 'ok' }));
        }),
    });
    await runner.tick();
    expect(started).toEqual(['a', 'b']);
    clock.advance(1_000);
    await runner.tick();
    expect(started).toEqual(['a', 'b']);
    for (const r of release.splice(0)) r();
    await runner.idle();
    await runner.tick();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const r of release.splice(0)) r();
    expect(liveness.stalled(clock())).toEqual([]);
    clock.advance(10_000);
    expect(liveness.stalled(clock())).toEqual([]);
    clock.advance(1);
    expect(liveness.stalled(clock())).toEqual(['probe-runner']);
  });

  it('counts a probe that never finishes as failed after its timeout plus grace', async () => {
    await apply(
      `  - {id: stuck, component: sbc, kind: tcp, name: Stuck, target: "127.0.0.1:9", timeout: 100ms}`,
    );
    const runner = make({ graceMs: 50, probe: () => new Promise<ProbeResult>(() => {}) });
    await runner.tick();
    await runner.idle();
    expect(await stateOf('stuck')).toMatchObject({ lastDetail: 'probe did not finish within 150 ms' });
  });
});
