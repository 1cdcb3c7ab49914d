/**
 * Real peers: Kamailio proxies SIPp calls to a SIPp UAS and mirrors every message with siptrace
 * (HEP v3) to dialtone's collector; REGISTERs go to Kamailio's own digest registrar. The counts
 * per peer must be exactly what the UAS answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumCounts } from '#src/domain/kpi.ts';
import { PeerMatcher } from '#src/domain/peer-address.ts';
import {
  freePort,
  startKamailio,
  startSipp,
  stopAll,
  telephonySkipReason,
  waitFor,
  waitForExit,
} from '../../../test/support/telephony.ts';
import type { ClosedWindow } from './aggregator.ts';
import { type HepCollector, startHepCollector } from './collector.ts';

const skip = telephonySkipReason();
const outcomes = ['200', '503', '486', '487', '480', '603', '404', '500', '200', '200', '503', '200'];
const silent = { warn() {}, error() {}, info() {} };

describe.skipIf(skip)('HEP collector with Kamailio siptrace and SIPp', () => {
  let collector: HepCollector;
  const windows: ClosedWindow[] = [];

  beforeAll(async () => {
    const uasPort = await freePort();
    const proxyPort = await freePort();
    const matcher = new PeerMatcher([
      { id: 'uas', match: '127.0.0.1', port: uasPort },
      { id: 'proxy', match: '127.0.0.1', port: proxyPort },
    ]);
    collector = await startHepCollector({
      host: '127.0.0.1',
      port: await freePort(),
      matcher: () => matcher,
      onWindows: async (w) => void windows.push(...w),
      log: silent,
      flushEveryMs: 60_000,
    });
    await startSipp({ scenario: 'uas-invite.xml', port: uasPort, inf: outcomes });
    await startKamailio({
      port: proxyPort,
      inviteTo: `127.0.0.1:${uasPort}`,
      hepTo: `127.0.0.1:${collector.udpPort}`,
      password: 'pw',
    });
    const uac = await startSipp({
      scenario: 'uac-invite.xml',
      port: await freePort(),
      remote: `127.0.0.1:${proxyPort}`,
      rate: 40,
      calls: outcomes.length,
    });
    await waitForExit(uac, 20_000);
    for (const user of ['probe', 'blocked']) {
      const reg = await startSipp({
        scenario: 'uac-register.xml',
        port: await freePort(),
        remote: `127.0.0.1:${proxyPort}`,
        rate: 1,
        calls: 1,
        args: ['-s', user, '-au', user, '-ap', 'pw'],
      });
      await waitForExit(reg, 10_000);
    }
    // The mirror is asynchronous: wait until both REGISTER outcomes have been counted.
    await waitFor(async () => {
      await collector.flush(true);
      const proxy = sumCounts(windows.filter((w) => w.peerId === 'proxy').map((w) => w.counts));
      return proxy.registers >= 2;
    }, 5000);
  }, 60_000);

  afterAll(async () => {
    await stopAll();
    await collector?.stop();
  });

  it('decodes every mirrored packet', () => {
    expect(collector.stats.packets.udp).toBeGreaterThan(outcomes.length * 4);
    expect(collector.stats.decoded).toBe(collector.stats.packets.udp);
    expect(collector.stats.dropped.sip_unparsable ?? 0).toBe(0);
  });

  it('counts the UAS’s own answers once per call, from both mirrored legs', () => {
    const uas = sumCounts(windows.filter((w) => w.peerId === 'uas').map((w) => w.counts));
    const expected: Record<string, number> = {};
    for (const o of outcomes) expected[o] = (expected[o] ?? 0) + 1;
    expect(uas.invites).toBe(outcomes.length);
    expect(uas.codes).toEqual(expected);
    expect(uas.answered).toBe(4);
    // 503 ×2 and 500
    expect(uas.isa_failures).toBe(3);
    // 200 ×4, 486, 480, 603
    expect(uas.ner_effective).toBe(7);
    expect(uas.pdd_count).toBe(outcomes.length);
  });

  it('counts the proxy as the peer the callers see: 503 became 500, REGISTER challenge then 200, and 403', () => {
    const proxy = sumCounts(windows.filter((w) => w.peerId === 'proxy').map((w) => w.counts));
    expect(proxy.invites).toBe(outcomes.length);
    expect(proxy.codes['503']).toBeUndefined();
    expect(proxy.codes['500']).toBe(3);
    expect(proxy).toMatchObject({ registers: 2, register_ok: 1, register_failed: 1, register_ms_count: 1 });
  });
});
