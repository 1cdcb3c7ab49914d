import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSipMessage } from '../sip/message.ts';
import { summarizeSip } from './sip-summary.ts';

const dir = new URL('../../../test/fixtures/sip/', import.meta.url);
const captured = readdirSync(dir)
  .filter((f) => f.endsWith('.sip'))
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(new URL(f, dir))) }));
const enc = new TextEncoder();

/** Where the full parser accepts a message, the summary must read the same facts from it. */
function agrees(bytes: Uint8Array): void {
  const full = parseSipMessage(bytes);
  if (!full.ok) return;
  const m = full.message;
  expect(summarizeSip(bytes)).toEqual({
    kind: m.kind,
    method: m.kind === 'request' ? m.method : '',
    status: m.kind === 'response' ? m.status : 0,
    callId: m.callId,
    cseqSeq: m.cseq.seq,
    cseqMethod: m.cseq.method,
    toTagged: !!m.toTag,
  });
}

describe('summarizeSip', () => {
  it('reads real captured messages (Kamailio/SIPp) like the full parser', () => {
    expect(captured.length).toBeGreaterThan(10);
    for (const c of captured) {
      expect(parseSipMessage(c.bytes).ok, c.name).toBe(true);
      agrees(c.bytes);
    }
  });

  it('handles compact forms, odd case, LF-only lines, folded lines and To without a tag', () => {
    const texts = [
      'INVITE sip:a@b SIP/2.0\r\ni: abc\r\nCSeq: 7 INVITE\r\nt: <sip:a@b>\r\n\r\n',
      'invite sip:a@b SIP/2.0\nCALL-ID:  x y \ncseq:  8   invite\nTO: "T, x" <sip:a@b;tag=uri>;Tag=9\n\n',
      'SIP/2.0 183 Session Progress\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\nTo: sip:a@b;tag=\r\n\r\n',
      'SIP/2.0 200 OK\r\nCall-ID: c\r\nCSeq: 1\r\n  INVITE\r\nTo: <sip:a@b>\r\n ;tag=z\r\n\r\n',
      'REGISTER sip:r SIP/2.0\r\nCall-ID: r1\r\nCSeq: 2 REGISTER\r\nTo: <sip:u@r>\r\nContent-Length: 0\r\n\r\n',
    ];
    for (const t of texts) {
      expect(parseSipMessage(t).ok, t).toBe(true);
      agrees(enc.encode(t));
    }
    expect(summarizeSip(enc.encode(texts[0]!))).toMatchObject({
      kind: 'request',
      method: 'INVITE',
      toTagged: false,
    });
    expect(summarizeSip(enc.encode(texts[1]!))).toMatchObject({ callId: 'x y', cseqSeq: 8, toTagged: true });
  });

  it('reads very long header lines without trouble', () => {
    const long = `INVITE sip:a@b SIP/2.0\r\nX-Long: ${'x'.repeat(120_000)}\r\nCall-ID: ${'c'.repeat(70_000)}\r\nCSeq: 1 INVITE\r\nTo: <sip:a@b>;tag=${'t'.repeat(5000)}\r\n\r\n`;
    agrees(enc.encode(long));
    expect(summarizeSip(enc.encode(long))?.callId).toHaveLength(70_000);
  });

  it('refuses what is not SIP, and agrees with the full parser on mutated captures (seeded fuzz)', () => {
    let accepted = 0;
    for (const bad of [
      '',
      'hello',
      'SIP/2.0 99 X\r\n\r\n',
      'INVITE sip:a SIP/2.0\r\nCSeq: 1 INVITE\r\n\r\n',
    ]) {
      expect(summarizeSip(enc.encode(bad))).toBeNull();
    }
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let i = 0; i < 6000; i++) {
      const src = captured[i % captured.length]!.bytes;
      // mostly whole messages with a few bytes changed (so the full parser still accepts many), some cut
      const bytes = rand() < 0.2 ? src.slice(0, Math.max(1, Math.floor(src.length * rand()))) : src.slice();
      for (let k = 0; k < rand() * 3; k++) {
        bytes[Math.floor(rand() * bytes.length)] = [
          13, 10, 32, 58, 59, 65, 0xff, 9, 1, 11, 45, 0x30, 0x3e, 0x3c,
        ][Math.floor(rand() * 14)]!;
      }
      if (parseSipMessage(bytes).ok) accepted++;
      agrees(bytes);
    }
    // the comparison ran on many messages both accept, not only on rejects
    expect(accepted).toBeGreaterThan(1000);
  });
});
