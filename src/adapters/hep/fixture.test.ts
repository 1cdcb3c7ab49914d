import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sumCounts } from '#src/domain/kpi.ts';
import { PeerMatcher } from '#src/domain/peer-address.ts';
import { Aggregator } from './aggregator.ts';
import { decodeHep, type HepPacket, hepFrameLength } from './decode.ts';

// Captured from Kamailio 5.6 siptrace by test/fixtures/hep/capture.ts (12 calls, 2 REGISTERs).
const dir = new URL('../../../test/fixtures/hep/', import.meta.url);
const stream = new Uint8Array(readFileSync(new URL('kamailio-siptrace.hep', dir)));
const meta = JSON.parse(readFileSync(new URL('kamailio-siptrace.json', dir), 'utf8')) as {
  uasPort: number;
  proxyPort: number;
  outcomes: string[];
  packets: number;
};

function frames(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const len = hepFrameLength(bytes, at);
    if (typeof len !== 'number') throw new Error(`bad frame at ${at}: ${len}`);
    out.push(bytes.subarray(at, at + len));
    at += len;
  }
  return out;
}

describe('captured Kamailio siptrace (HEP v3)', () => {
  const packets: HepPacket[] = frames(stream).map((f) => {
    const r = decodeHep(f);
    if (!r.ok) throw new Error(r.reason);
    return r.packet;
  });

  it('decodes every packet with the chunks Kamailio sends', () => {
    expect(packets).toHaveLength(meta.packets);
    for (const p of packets) {
      expect(p).toMatchObject({
        family: 4,
        ipProtocol: 17,
        srcIp: '127.0.0.1',
        protocolType: 1,
        captureId: 4711,
      });
      expect(p.timeMs).toBeGreaterThan(Date.UTC(2026, 0, 1));
    }
  });

  it('aggregates to exactly what the UAS and the proxy answered', () => {
    const agg = new Aggregator(
      () =>
        new PeerMatcher([
          { id: 'uas', match: '127.0.0.1', port: meta.uasPort },
          { id: 'proxy', match: '127.0.0.1', port: meta.proxyPort },
        ]),
    );
    const t0 = Date.UTC(2026, 10, 22, 4, 0, 0);
    for (const [i, p] of packets.entries()) agg.add(p, t0 + i);
    const closed = agg.closeWindows(t0 + 100_000);
    const of = (peer: string) => sumCounts(closed.filter((w) => w.peerId === peer).map((w) => w.counts));
    const expected: Record<string, number> = {};
    for (const o of meta.outcomes) expected[o] = (expected[o] ?? 0) + 1;
    const uas = of('uas');
    expect(uas).toMatchObject({ invites: 12, answered: 4, isa_failures: 3, ner_effective: 7, pdd_count: 12 });
    expect(uas.codes).toEqual(expected);
    const proxy = of('proxy');
    expect(proxy.codes['500']).toBe(3);
    expect(proxy).toMatchObject({ invites: 12, registers: 2, register_ok: 1, register_failed: 1 });
  });
});
