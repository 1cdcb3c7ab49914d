/**
 * The five detection scenarios of issue 4, end to end with real peers: SIPp UACs call through
 * Kamailio proxies to SIPp UASes, Kamailio mirrors every message as HEP v3 to the collector of a
 * dialtone started in-process (`startDialtone`, temp SQLite, real clock, real scheduler); the
 * OPTIONS scenario probes a SIPp UAS directly. All five run at once against one dialtone (one
 * component each), so the run takes as long as the longest: scenario 4's five minutes of normal
 * traffic. Each detection latency is printed; docs/BENCHMARKS.md records them.
 *
 * Fault onsets: SIPp serves the INVITE outcomes from a CSV in call order at a fixed call rate, so
 * a fault starts `rows before it / rate` after the UAC started (the UAC is started first thing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  type PeerProcess,
  startKamailio,
  startSipp,
  stopAll,
  telephonySkipReason,
} from '../support/telephony.ts';
import { type Block, outcomeRows } from './call-mix.ts';
import {
  alertsOf,
  components,
  type DialtoneUnderTest,
  firstTime,
  incidentOnStatusPage,
  optionsIntervalMs,
  type ScenarioPorts,
  startDialtoneForScenarios,
} from './detection-setup.ts';

const skip = telephonySkipReason();

/** Answered calls and user outcomes only: what a healthy carrier looks like. */
const userMix: Block['mix'] = { '486': 0.06, '487': 0.02, '480': 0.03, '603': 0.01 };
const seconds = (n: number, rate: number, mix: Block['mix']): Block => ({ calls: n * rate, mix });
/** Scenario 4 length (s): the issue asks for five minutes. */
const normalSeconds = Number(process.env.DIALTONE_SCENARIO4_SECONDS ?? 300);

interface Latency {
  scenario: string;
  ms: number;
}
const latencies: Latency[] = [];
function record(scenario: string, onset: number, at: number): number {
  const ms = at - onset;
  latencies.push({ scenario, ms });
  console.log(`[detection] ${scenario}: ${(ms / 1000).toFixed(1)} s after the fault began`);
  return ms;
}

describe.skipIf(skip)('detection scenarios with Kamailio and SIPp', () => {
  let dialtone: DialtoneUnderTest;
  let optionsUas: PeerProcess;
  const ports = {} as ScenarioPorts;
  /** When each scenario's UAC started, epoch ms. */
  const started: Record<string, number> = {};
  let rejectedRegistersFrom: Promise<number>;

  beforeAll(async () => {
    for (const key of ['uas503', 'uasRamp', 'uasNormal', 'options', 'registrar'] as const) {
      ports[key] = await freePort();
    }
    dialtone = await startDialtoneForScenarios(ports);
    const hepTo = `127.0.0.1:${dialtone.hepPort}`;
    optionsUas = await startSipp({ scenario: 'uas-options.xml', port: ports.options });
    await startKamailio({ port: ports.registrar, hepTo, password: 'lab-pw' });
    const proxied = async (uasPort: number, rows: string[], rate: number, key: string) => {
      await startSipp({ scenario: 'uas-invite.xml', port: uasPort, inf: rows });
      const proxyPort = await freePort();
      await startKamailio({ port: proxyPort, inviteTo: `127.0.0.1:${uasPort}`, hepTo });
      started[key] = Date.now();
      await startSipp({
        scenario: 'uac-invite.xml',
        port: await freePort(),
        remote: `127.0.0.1:${proxyPort}`,
        rate,
        calls: rows.length,
      });
    };
    // 1: 60 s healthy, then 40 % of INVITEs answered 503, at 10 calls/s.
    await proxied(
      ports.uas503,
      outcomeRows([seconds(60, 10, userMix), seconds(60, 10, { '503': 0.4 })]),
      10,
      's1',
    );
    // 3: 90 s healthy, then the 503 share rises by 2 points every 10 s.
    const ramp = Array.from({ length: 10 }, (_, k) => seconds(10, 10, { ...userMix, '503': 0.02 * (k + 1) }));
    await proxied(ports.uasRamp, outcomeRows([seconds(90, 10, userMix), ...ramp]), 10, 's3');
    // 4: healthy traffic with user outcomes only, 5 calls/s.
    await proxied(ports.uasNormal, outcomeRows([seconds(normalSeconds, 5, userMix)]), 5, 's4');
    // 5: REGISTERs that succeed (digest) all along, rejected ones (403) from 40 s on.
    await startSipp({
      scenario: 'uac-register.xml',
      port: await freePort(),
      remote: `127.0.0.1:${ports.registrar}`,
      rate: 1,
      calls: 150,
      args: ['-s', 'probe', '-au', 'probe', '-ap', 'lab-pw'],
    });
    rejectedRegistersFrom = new Promise<number>((resolve, reject) => {
      setTimeout(async () => {
        try {
          const port = await freePort();
          const at = Date.now();
          await startSipp({
            scenario: 'uac-register.xml',
            port,
            remote: `127.0.0.1:${ports.registrar}`,
            rate: 1,
            calls: 100,
            args: ['-s', 'blocked', '-au', 'blocked', '-ap', 'lab-pw'],
          });
          resolve(at);
        } catch (err) {
          reject(err);
        }
      }, 40_000);
    });
  }, 60_000);

  afterAll(async () => {
    await stopAll();
    await dialtone?.close();
    if (latencies.length > 0) {
      const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
      const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
      console.log(
        `[detection] median ${(median / 1000).toFixed(1)} s, worst ${(sorted.at(-1)! / 1000).toFixed(1)} s over ${sorted.length} detections`,
      );
    }
  });

  it('2: the UAS stops answering OPTIONS → the monitor marks the component down within three intervals', async () => {
    const up = await firstTime(() => monitorState('up'), 3 * optionsIntervalMs);
    expect(up, 'the OPTIONS monitor never saw the UAS up').not.toBeNull();
    optionsUas.pause();
    const onset = Date.now();
    const down = await firstTime(() => monitorState('down'), 4 * optionsIntervalMs);
    expect(down, 'the monitor did not go down').not.toBeNull();
    const ms = record('2 OPTIONS unanswered → monitor down', onset, down!.value);
    expect(ms).toBeLessThanOrEqual(3 * optionsIntervalMs);
    const alert = await firstTime(async () => (await alertsOf(dialtone.running, components.s2))[0], 15_000);
    expect(alert?.value.source).toBe('monitor');
    record('2 OPTIONS unanswered → alert', onset, alert!.value.startedAt);
    // The component's policy is `auto`: the alert opens an incident that readers see.
    const page = await firstTime(() => incidentOnStatusPage(dialtone.running, components.s2), 10_000);
    expect(page, 'no incident on the status page').not.toBeNull();
    record('2 OPTIONS unanswered → incident on status page', onset, page!.at);
  }, 60_000);

  it('1: 40 % of INVITEs answered 503 → alert and incident on the status page within 30 s', async () => {
    const onset = started.s1! + 60_000;
    const early = await alertsOf(dialtone.running, components.s1);
    expect(early, 'an alert before the fault').toEqual([]);
    const alert = await firstTime(
      async () => (await alertsOf(dialtone.running, components.s1))[0],
      onset + 45_000 - Date.now(),
    );
    expect(alert, 'no alert for the 503s').not.toBeNull();
    expect(alert!.value.source).toBe('telemetry');
    const page = await firstTime(
      () => incidentOnStatusPage(dialtone.running, components.s1),
      onset + 45_000 - Date.now(),
    );
    expect(page, 'no incident on the status page').not.toBeNull();
    record('1 503 on 40 % → alert', onset, alert!.value.startedAt);
    const ms = record('1 503 on 40 % → incident on status page', onset, page!.at);
    expect(ms).toBeLessThanOrEqual(30_000);
  }, 180_000);

  it('3: the failure share rises 2 points every 10 s → detected before ASR has fallen 10 points', async () => {
    const rampStart = started.s3! + 90_000;
    // Block k (from rampStart + 10(k−1) s) answers 2k points fewer calls: calls placed from
    // rampStart + 40 s on are 10 points down; a 10-s window shows it once it closes.
    const tenPointsDown = rampStart + 40_000;
    const alert = await firstTime(
      async () => (await alertsOf(dialtone.running, components.s3))[0],
      tenPointsDown + 30_000 - Date.now(),
    );
    expect(alert, 'the rising failure share was not detected').not.toBeNull();
    const at = alert!.value.startedAt;
    expect(at, 'an alert before the ramp began').toBeGreaterThan(rampStart);
    record(`3 rising failure share → alert (${alert!.value.ruleKey})`, rampStart, at);
    // ASR as dialtone measures it: per 10-s window, against the windows before the ramp.
    const drop = await asrDropBefore('carrier-b', rampStart, at);
    console.log(
      `[detection] 3: ASR ${(drop * 100).toFixed(1)} points below normal in the worst window closed before the alert; ` +
        `calls placed ${((at - tenPointsDown) / 1000).toFixed(1)} s after the 10-point mark`,
    );
    expect(drop, 'ASR had already fallen 10 points in a closed window').toBeLessThan(0.1);
  }, 240_000);

  it('5: REGISTERs rejected with 403 → registration alert', async () => {
    const onset = await rejectedRegistersFrom;
    const alert = await firstTime(
      async () => (await alertsOf(dialtone.running, components.s5))[0],
      onset + 90_000 - Date.now(),
    );
    expect(alert, 'no registration alert').not.toBeNull();
    expect(alert!.value.startedAt).toBeGreaterThan(onset);
    expect(alert!.value.ruleKey).toMatch(/register/);
    record('5 REGISTER 403 → registration alert', onset, alert!.value.startedAt);
  }, 180_000);

  it(
    '4: five minutes of normal traffic whose only failures are 486/487/480/603 → no alert',
    async () => {
      const end = started.s4! + normalSeconds * 1000 - 5_000;
      await new Promise((r) => setTimeout(r, Math.max(0, end - Date.now())));
      const traffic = await dialtone.running.store.db
        .selectFrom('telemetry_windows')
        .select((eb) => eb.fn.sum<number>('invites').as('invites'))
        .where('peer_id', '=', 'carrier-c')
        .executeTakeFirst();
      expect(Number(traffic?.invites ?? 0), 'the normal traffic was not counted').toBeGreaterThan(
        normalSeconds * 5 * 0.8,
      );
      expect(await alertsOf(dialtone.running, components.s4)).toEqual([]);
    },
    (normalSeconds + 60) * 1000,
  );

  /**
   * The largest fall of ASR (answered ÷ INVITEs) of a peer's 10-s windows that closed before
   * `until`, below its ASR over the whole windows before `normalUntil`.
   */
  async function asrDropBefore(peerId: string, normalUntil: number, until: number): Promise<number> {
    const rows = await dialtone.running.store.db
      .selectFrom('telemetry_windows')
      .select(['started_at', 'invites', 'answered'])
      .where('peer_id', '=', peerId)
      .execute();
    const windows = rows.map((r) => ({
      at: Date.parse(String(r.started_at)),
      invites: Number(r.invites),
      answered: Number(r.answered),
    }));
    const normal = windows.filter((w) => w.at + 10_000 <= normalUntil);
    const base =
      normal.reduce((a, w) => a + w.answered, 0) /
      Math.max(
        1,
        normal.reduce((a, w) => a + w.invites, 0),
      );
    const drops = windows
      .filter((w) => w.at >= normalUntil - 10_000 && w.at + 10_000 <= until && w.invites >= 20)
      .map((w) => base - w.answered / w.invites);
    return Math.max(0, ...drops);
  }

  /** The time the monitor entered `state` (epoch ms), or null while it is in another. */
  async function monitorState(state: string): Promise<number | null> {
    const row = await dialtone.running.store.db
      .selectFrom('monitor_state')
      .select(['state', 'since'])
      .where('monitor_id', '=', 'sbc-options-ping')
      .executeTakeFirst();
    return row?.state === state ? Date.parse(String(row.since)) : null;
  }
});
