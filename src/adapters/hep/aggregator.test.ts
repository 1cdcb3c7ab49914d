import { describe, expect, it } from 'vitest';
import { PeerMatcher } from '#src/domain/peer-address.ts';
import { Aggregator } from './aggregator.ts';
import { decodeHep, type HepPacket } from './decode.ts';
import { encodeHep } from './encode.ts';

// A proxy (10.0.0.1:5060) between a caller (10.0.0.9:5070) and the peer, a UAS (10.0.0.2:5080).
const proxy = { ip: '10.0.0.1', port: 5060 };
const caller = { ip: '10.0.0.9', port: 5070 };
const uas = { ip: '10.0.0.2', port: 5080 };
type End = typeof proxy;
const matcher = new PeerMatcher([{ id: 'uas', match: '10.0.0.2', port: 5080 }]);
const t0 = Date.UTC(2026, 10, 22, 4, 0, 0);

function packet(from: End, to: End, sip: string, timeMs: number): HepPacket {
  const r = decodeHep(
    encodeHep({ srcIp: from.ip, srcPort: from.port, dstIp: to.ip, dstPort: to.port, payload: sip, timeMs }),
  );
  if (!r.ok) throw new Error(r.reason);
  return r.packet;
}

function request(method: string, callId: string, seq: number, branch: string, toTag = ''): string {
  return `${method} sip:x@10.0.0.2 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=${branch}\r\nFrom: <sip:a@x>;tag=f\r\nTo: <sip:x@y>${toTag ? `;tag=${toTag}` : ''}\r\nCall-ID: ${callId}\r\nCSeq: ${seq} ${method}\r\nContent-Length: 0\r\n\r\n`;
}

function response(status: number, method: string, callId: string, seq: number, branch: string): string {
  return `SIP/2.0 ${status} X\r\nVia: SIP/2.0/UDP 10.0.0.1;branch=${branch}\r\nFrom: <sip:a@x>;tag=f\r\nTo: <sip:x@y>;tag=t\r\nCall-ID: ${callId}\r\nCSeq: ${seq} ${method}\r\nContent-Length: 0\r\n\r\n`;
}

/** One proxied call: both legs of INVITE and of each response traced, as siptrace does. */
function call(agg: Aggregator, id: string, codes: number[], at: number, gapMs = 100): void {
  let t = at;
  agg.add(packet(caller, proxy, request('INVITE', id, 1, `c${id}`), t), t);
  agg.add(packet(proxy, uas, request('INVITE', id, 1, `p${id}`), t), t);
  for (const code of codes) {
    t += gapMs;
    agg.add(packet(uas, proxy, response(code, 'INVITE', id, 1, `p${id}`), t), t);
    // The proxy turns a downstream 503 into 500 upstream (RFC 3261 §16.7): not the peer's answer.
    agg.add(packet(proxy, caller, response(code === 503 ? 500 : code, 'INVITE', id, 1, `c${id}`), t), t);
  }
}

describe('Aggregator', () => {
  it('counts each call once per peer from both proxy legs, with the peer’s own codes', () => {
    const agg = new Aggregator(() => matcher);
    call(agg, 'a', [180, 200], t0);
    call(agg, 'b', [503], t0 + 10);
    call(agg, 'c', [183, 486], t0 + 20);
    call(agg, 'd', [180, 408], t0 + 30);
    const [w, ...rest] = agg.closeWindows(t0 + 10_000);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ peerId: 'uas', startedAt: new Date(t0) });
    expect(w!.counts).toMatchObject({
      invites: 4,
      answered: 1,
      ner_effective: 2,
      isa_failures: 1,
      ser_base: 4,
    });
    expect(w!.counts.codes).toEqual({ '200': 1, '503': 1, '486': 1, '408': 1 });
    // PDD: INVITE → first 18x or final, 100 ms in each call
    expect(w!.counts.pdd_count).toBe(4);
    expect(w!.counts.pdd_sum_ms).toBe(400);
    expect(agg.events.unmatched).toBeGreaterThan(0);
  });

  it('ignores retransmissions of INVITEs and final responses, re-INVITEs and exact duplicates', () => {
    const agg = new Aggregator(() => matcher);
    const inv = packet(proxy, uas, request('INVITE', 'r', 1, 'p1'), t0);
    agg.add(inv, t0);
    agg.add(inv, t0 + 500);
    agg.add(inv, t0 + 1500);
    const ok = packet(uas, proxy, response(200, 'INVITE', 'r', 1, 'p1'), t0 + 2000);
    agg.add(ok, t0 + 2000);
    agg.add(ok, t0 + 2500);
    agg.add(packet(proxy, uas, request('INVITE', 'r', 2, 'p2', 't'), t0 + 3000), t0 + 3000);
    agg.add(packet(uas, proxy, response(200, 'INVITE', 'r', 2, 'p2'), t0 + 3100), t0 + 3100);
    const [w] = agg.closeWindows(t0 + 10_000);
    expect(w!.counts).toMatchObject({ invites: 1, answered: 1, codes: { '200': 1 } });
  });

  it('counts an INVITE retried after a 407 challenge (same Call-ID, next CSeq) as a new attempt', () => {
    const agg = new Aggregator(() => matcher);
    agg.add(packet(proxy, uas, request('INVITE', 'au', 1, 'a1'), t0), t0);
    agg.add(packet(uas, proxy, response(407, 'INVITE', 'au', 1, 'a1'), t0 + 5), t0 + 5);
    agg.add(packet(proxy, uas, request('INVITE', 'au', 2, 'a2'), t0 + 10), t0 + 10);
    agg.add(packet(proxy, uas, request('INVITE', 'au', 1, 'a1'), t0 + 11), t0 + 11); // stale retransmission
    agg.add(packet(uas, proxy, response(200, 'INVITE', 'au', 2, 'a2'), t0 + 40), t0 + 40);
    const [w] = agg.closeWindows(t0 + 10_000);
    expect(w!.counts).toMatchObject({ invites: 2, answered: 1, codes: { '407': 1, '200': 1 } });
  });

  it('counts a challenged REGISTER followed by 200 as one success, with its time', () => {
    const agg = new Aggregator(() => matcher);
    agg.add(packet(proxy, uas, request('REGISTER', 'g', 1, 'r1'), t0), t0);
    agg.add(packet(uas, proxy, response(401, 'REGISTER', 'g', 1, 'r1'), t0 + 10), t0 + 10);
    agg.add(packet(proxy, uas, request('REGISTER', 'g', 2, 'r2'), t0 + 20), t0 + 20);
    agg.add(packet(uas, proxy, response(200, 'REGISTER', 'g', 2, 'r2'), t0 + 50), t0 + 50);
    agg.add(packet(uas, proxy, response(200, 'REGISTER', 'g', 2, 'r2'), t0 + 60), t0 + 60);
    // a rejected one and one whose challenge is never answered
    agg.add(packet(proxy, uas, request('REGISTER', 'h', 1, 'r3'), t0 + 100), t0 + 100);
    agg.add(packet(uas, proxy, response(403, 'REGISTER', 'h', 1, 'r3'), t0 + 110), t0 + 110);
    agg.add(packet(proxy, uas, request('REGISTER', 'i', 1, 'r4'), t0 + 200), t0 + 200);
    agg.add(packet(uas, proxy, response(407, 'REGISTER', 'i', 1, 'r4'), t0 + 210), t0 + 210);
    const [w] = agg.closeWindows(t0 + 10_000);
    expect(w!.counts).toMatchObject({
      registers: 2,
      register_ok: 1,
      register_failed: 1,
      register_ms_sum: 50,
      register_ms_count: 1,
    });
    // the unanswered challenge fails once the retry time has passed
    const later = agg.closeWindows(t0 + 60_000);
    expect(later).toEqual([]);
    const [w2] = agg.closeWindows(t0 + 70_000);
    expect(w2!.counts).toMatchObject({ registers: 1, register_failed: 1 });
  });

  it('splits counts into 10-second windows by arrival and keeps the open one until it ends', () => {
    const agg = new Aggregator(() => matcher);
    call(agg, 'x', [200], t0 + 9_950);
    expect(agg.closeWindows(t0 + 9_999)).toEqual([]);
    const closed = agg.closeWindows(t0 + 10_050);
    expect(closed.map((w) => [w.startedAt.toISOString(), w.counts.invites, w.counts.answered])).toEqual([
      ['2026-11-22T04:00:00.000Z', 1, 0],
    ]);
    expect(agg.closeWindows(t0 + 20_000)[0]!.counts.answered).toBe(1);
  });

  it('drops what it cannot use and counts why', () => {
    const agg = new Aggregator(() => matcher);
    agg.add({ ...packet(proxy, uas, 'garbage', t0), protocolType: 5 }, t0);
    agg.add(packet(proxy, uas, 'garbage\r\n\r\n', t0), t0);
    agg.add(packet(caller, proxy, request('INVITE', 'z', 1, 'b'), t0), t0);
    expect(agg.events).toMatchObject({ not_sip: 1, sip_unparsable: 1, unmatched: 1 });
    expect(agg.closeWindows(t0 + 10_000)).toEqual([]);
  });

  it('forgets answered transactions after a while (bounded memory)', () => {
    const agg = new Aggregator(() => matcher);
    for (let i = 0; i < 50; i++) call(agg, `m${i}`, [200], t0);
    call(agg, 'open', [], t0);
    expect(agg.tracked).toBe(51);
    agg.closeWindows(t0 + 60_000);
    expect(agg.tracked).toBe(1);
    agg.closeWindows(t0 + 600_000);
    expect(agg.tracked).toBe(0);
  });
});
