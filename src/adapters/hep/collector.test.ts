import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PeerMatcher } from '#src/domain/peer-address.ts';
import { createLiveness } from '#src/jobs/liveness.ts';
import type { ClosedWindow } from './aggregator.ts';
import { type CollectorOptions, type HepCollector, livenessName, startHepCollector } from './collector.ts';
import { encodeHep } from './encode.ts';

const silent = { warn() {}, error() {}, info() {} };
const t0 = Date.UTC(2026, 10, 22, 4, 0, 0);
const matcher = new PeerMatcher([
  { id: 'uas', match: '10.0.0.2', port: 5080 },
  { id: 'v6-carrier', match: '2001:db8::/32', port: null },
]);

function invite(id: string, dst = '10.0.0.2', authKey?: string): Uint8Array {
  const sip = `INVITE sip:x@y SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=z${id}\r\nCall-ID: ${id}\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;
  const v6 = dst.includes(':');
  return encodeHep({
    srcIp: v6 ? '2001:db9::1' : '10.0.0.1',
    srcPort: 5060,
    dstIp: dst,
    dstPort: 5080,
    payload: sip,
    authKey,
  });
}

/** Waits (bounded) until the collector has seen `n` packets: UDP delivery is asynchronous. */
async function until(c: HepCollector, n: number): Promise<void> {
  for (let i = 0; i < 200 && c.stats.packets.udp + c.stats.packets.tcp < n; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
}

let running: HepCollector | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

async function start(over: Partial<CollectorOptions> = {}) {
  const flushed: ClosedWindow[] = [];
  let now = t0;
  running = await startHepCollector({
    host: '127.0.0.1',
    port: 0,
    matcher: () => matcher,
    onWindows: async (w) => void flushed.push(...w),
    nowMs: () => now,
    log: silent,
    flushEveryMs: 60_000,
    ...over,
  });
  return {
    c: running,
    flushed,
    setNow: (t: number) => {
      now = t;
    },
  };
}

async function sendUdp(port: number, packets: Uint8Array[], host = '127.0.0.1'): Promise<void> {
  const s = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  for (const p of packets) await new Promise<void>((r) => s.send(p, port, host, () => r()));
  s.close();
}

describe('HEP collector', () => {
  it('decodes UDP datagrams, counts drops by reason, and flushes closed windows', async () => {
    const { c, flushed, setNow } = await start();
    await sendUdp(c.udpPort, [
      invite('a'),
      invite('b'),
      invite('a'),
      Uint8Array.of(1, 2, 3),
      new TextEncoder().encode('SIP/2.0 nonsense'),
    ]);
    await until(c, 5);
    expect(c.stats.packets.udp).toBe(5);
    expect(c.stats.decoded).toBe(3);
    expect(c.stats.dropped).toMatchObject({ truncated: 1, bad_magic: 1 });
    setNow(t0 + 10_000);
    await c.flush();
    expect(flushed).toHaveLength(1);
    expect(flushed[0]).toMatchObject({ peerId: 'uas', startedAt: new Date(t0), counts: { invites: 2 } });
    expect(c.stats.windowsFlushed).toBe(1);
  });

  it('reassembles TCP frames split across segments and closes a stream out of sync', async () => {
    const { c, flushed } = await start();
    const a = invite('t1');
    const b = invite('t2');
    const joined = Buffer.concat([a, b]);
    const sock = connect(c.tcpPort, '127.0.0.1');
    await new Promise((r) => sock.once('connect', r));
    // one write ends mid-header of the second frame, the next carries the rest
    sock.write(joined.subarray(0, a.length + 3));
    await new Promise((r) => setTimeout(r, 20));
    sock.write(joined.subarray(a.length + 3));
    await until(c, 2);
    expect(c.stats.packets.tcp).toBe(2);
    sock.write(Buffer.from('GET / HTTP/1.1\r\n\r\n'));
    await new Promise((r) => sock.once('close', r));
    expect(c.stats.dropped.tcp_out_of_sync).toBe(1);
    await c.flush(true);
    expect(flushed[0]!.counts.invites).toBe(2);
  });

  it('refuses TCP connections beyond the limit and counts them', async () => {
    const { c } = await start({ maxConnections: 1 });
    const first = connect(c.tcpPort, '127.0.0.1');
    await new Promise((r) => first.once('connect', r));
    first.write(invite('k1'));
    await until(c, 1);
    const second = connect(c.tcpPort, '127.0.0.1');
    second.on('error', () => {});
    await new Promise((r) => second.once('close', r));
    expect(c.stats.connectionsRefused).toBe(1);
    first.destroy();
  });

  it('refuses packets without the configured auth key and beats liveness on each flush', async () => {
    const liveness = createLiveness();
    const { c } = await start({ authKey: 's3cret', liveness });
    expect(liveness.parts().map((p) => p.name)).toContain(livenessName);
    await sendUdp(c.udpPort, [
      invite('x', '10.0.0.2', 's3cret'),
      invite('y'),
      invite('z', '10.0.0.2', 'wrong'),
    ]);
    await until(c, 3);
    expect(c.stats.decoded).toBe(1);
    expect(c.stats.dropped.bad_auth).toBe(2);
    await c.flush();
    expect(liveness.stalled(new Date(Date.now() + 1_000))).toEqual([]);
  });

  it('keeps windows whose write failed and stores them with the next flush', async () => {
    let failNext = true;
    const stored: ClosedWindow[] = [];
    const { c, setNow } = await start({
      onWindows: async (w) => {
        if (failNext) {
          failNext = false;
          throw new Error('database unreachable');
        }
        stored.push(...w);
      },
    });
    await sendUdp(c.udpPort, [invite('r1')]);
    await until(c, 1);
    setNow(t0 + 10_000);
    await c.flush();
    expect(c.stats.flushFailures).toBe(1);
    expect(stored).toEqual([]);
    await c.flush();
    expect(stored.map((w) => [w.peerId, w.counts.invites])).toEqual([['uas', 1]]);
    expect(c.stats).toMatchObject({ windowsFlushed: 1, windowsLost: 0 });
  });

  it('listens on IPv6 and IPv4 at once on ::', async () => {
    const { c, flushed } = await start({ host: '::' });
    await sendUdp(c.udpPort, [invite('v6', '2001:db8::7')], '::1');
    await sendUdp(c.udpPort, [invite('v4')], '127.0.0.1');
    await until(c, 2);
    await c.flush(true);
    expect(flushed.map((w) => w.peerId).sort()).toEqual(['uas', 'v6-carrier']);
  });
});
