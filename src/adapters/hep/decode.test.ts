import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeHep, type HepDropReason, hepDropReasons } from './decode.ts';
import { encodeHep } from './encode.ts';
import { inflate, inflatePayload } from './inflate.ts';

const sip = 'SIP/2.0 503 Service Unavailable\r\nCall-ID: a1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n';
const text = new TextDecoder();
const base = { srcIp: '10.0.0.2', dstIp: '10.0.0.1', srcPort: 5080, dstPort: 5060, payload: sip };

function reason(bytes: Uint8Array, authKey?: string): HepDropReason | 'ok' {
  const r = decodeHep(bytes, {
    inflate,
    authKey: authKey === undefined ? undefined : new TextEncoder().encode(authKey),
  });
  return r.ok ? 'ok' : r.reason;
}

describe('decodeHep', () => {
  it('reads addresses, ports, time, protocol, capture id and payload of an IPv4 packet', () => {
    const r = decodeHep(
      encodeHep({ ...base, timeMs: 1_763_780_000_123.5, captureId: 7, correlationId: 'c-1' }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.packet).toMatchObject({
      family: 4,
      ipProtocol: 17,
      srcIp: '10.0.0.2',
      dstIp: '10.0.0.1',
      srcPort: 5080,
      dstPort: 5060,
      protocolType: 1,
      captureId: 7,
      correlationId: 'c-1',
    });
    expect(r.packet.timeMs).toBeCloseTo(1_763_780_000_123.5, 3);
    expect(text.decode(r.packet.payload)).toBe(sip);
  });

  it('reads IPv6 addresses in their short text form', () => {
    const r = decodeHep(encodeHep({ ...base, srcIp: '2001:db8::1', dstIp: '::1' }));
    expect(r.ok && [r.packet.family, r.packet.srcIp, r.packet.dstIp]).toEqual([6, '2001:db8::1', '::1']);
    const full = decodeHep(
      encodeHep({ ...base, srcIp: '2001:db8:0:1:0:0:0:5', dstIp: 'fe80:1:2:3:4:5:6:7' }),
    );
    expect(full.ok && [full.packet.srcIp, full.packet.dstIp]).toEqual([
      '2001:db8:0:1::5',
      'fe80:1:2:3:4:5:6:7',
    ]);
  });

  it('skips vendor chunks and unknown generic chunks by their length', () => {
    const extra = [
      { vendor: 0x0021, type: 3, value: new Uint8Array(1) },
      { vendor: 0, type: 99, value: new Uint8Array(40) },
      { vendor: 0, type: 18, value: Uint8Array.of(0, 7) },
    ];
    expect(reason(encodeHep({ ...base, extra }))).toBe('ok');
  });

  it('decompresses a gzip payload chunk (16), refuses a bomb and broken gzip', () => {
    const r = decodeHep(encodeHep({ ...base, gzipped: gzipSync(sip) }), { inflate });
    expect(r.ok && text.decode(r.packet.payload)).toBe(sip);
    const bomb = gzipSync(new Uint8Array(4 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    expect(reason(encodeHep({ ...base, gzipped: bomb }))).toBe('gzip_bomb');
    expect(reason(encodeHep({ ...base, gzipped: Uint8Array.of(0x1f, 0x8b, 1, 2, 3) }))).toBe('bad_gzip');
    expect(inflatePayload(gzipSync('x'.repeat(100)), 50)).toBe('gzip_bomb');
  });

  it('checks the auth key when one is configured', () => {
    expect(reason(encodeHep({ ...base, authKey: 'k3y' }), 'k3y')).toBe('ok');
    expect(reason(encodeHep({ ...base, authKey: 'k3x' }), 'k3y')).toBe('bad_auth');
    expect(reason(encodeHep({ ...base, authKey: 'k3' }), 'k3y')).toBe('bad_auth');
    expect(reason(encodeHep(base), 'k3y')).toBe('bad_auth');
    expect(reason(encodeHep({ ...base, authKey: 'anything' }))).toBe('ok');
  });

  it('names what is wrong with a malformed packet', () => {
    const good = encodeHep(base);
    expect(reason(good.subarray(0, 4))).toBe('truncated');
    expect(reason(good.subarray(0, good.length - 1))).toBe('truncated');
    expect(reason(Uint8Array.from([...good, 0]))).toBe('bad_length');
    const badMagic = good.slice();
    badMagic[3] = 0x32; // "HEP2"
    expect(reason(badMagic)).toBe('bad_magic');
    const tooShort = good.slice();
    new DataView(tooShort.buffer).setUint16(4, 3);
    expect(reason(tooShort)).toBe('bad_length');
    // first chunk (family) claims 200 bytes
    const overflow = good.slice();
    new DataView(overflow.buffer).setUint16(6 + 4, 200);
    expect(reason(overflow)).toBe('chunk_overflow');
    const zeroLen = good.slice();
    new DataView(zeroLen.buffer).setUint16(6 + 4, 0);
    expect(reason(zeroLen)).toBe('bad_chunk');
    // an IPv4 address chunk of 5 bytes
    const wide = encodeHep({ ...base, extra: [{ vendor: 0, type: 3, value: new Uint8Array(5) }] });
    expect(reason(wide)).toBe('bad_chunk');
    expect(reason(encodeHep({ ...base, payload: '' }))).toBe('missing_payload');
    const mixed = encodeHep({ ...base, extra: [{ vendor: 0, type: 1, value: Uint8Array.of(10) }] });
    expect(reason(mixed)).toBe('missing_address');
    // a header and a dangling 3-byte chunk start
    const dangling = Uint8Array.of(0x48, 0x45, 0x50, 0x33, 0, 9, 0, 0, 1);
    expect(reason(dangling)).toBe('chunk_overflow');
  });

  it('never throws on garbage and answers with a known reason (seeded fuzz)', () => {
    let seed = 42;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const good = encodeHep({ ...base, authKey: 'k', gzipped: gzipSync(sip) });
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) {
      let bytes: Uint8Array;
      if (i % 2 === 0) {
        // mutate a valid packet: flip bytes, cut or extend it
        bytes = good.slice(0, Math.max(1, Math.floor(rand() * (good.length + 8))));
        for (let k = 0; k < 1 + rand() * 4; k++)
          bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      } else {
        bytes = Uint8Array.from({ length: Math.floor(rand() * 300) }, () => Math.floor(rand() * 256));
        if (rand() < 0.5 && bytes.length > 6) bytes.set([0x48, 0x45, 0x50, 0x33], 0);
      }
      const r = decodeHep(bytes, { inflate, authKey: rand() < 0.3 ? Uint8Array.of(0x6b) : undefined });
      const got = r.ok ? 'ok' : r.reason;
      expect(['ok', ...hepDropReasons]).toContain(got);
      seen.add(got);
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});
