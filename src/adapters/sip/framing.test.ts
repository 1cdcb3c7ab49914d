import { describe, expect, it } from 'vitest';
import { takeSipFrame } from './framing.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe('takeSipFrame', () => {
  it('splits two messages in one chunk by Content-Length (bytes, not characters), keeps the rest', () => {
    const a = 'SIP/2.0 200 OK\r\nl: 6\r\n\r\ngrüß';
    const b = 'SIP/2.0 100 Trying\r\nContent-Length: 0\r\n\r\n';
    const first = takeSipFrame(enc(`\r\n${a}${b}SIP/2.0 1`));
    if (first.kind !== 'frame') throw new Error(first.kind);
    expect(dec(first.frame)).toBe(a);
    const second = takeSipFrame(first.rest);
    if (second.kind !== 'frame') throw new Error(second.kind);
    expect(dec(second.frame)).toBe(b);
    expect(takeSipFrame(second.rest)).toEqual({ kind: 'incomplete' });
  });

  it('waits for a body still in flight, treats a missing Content-Length as 0, refuses what cannot be framed', () => {
    expect(takeSipFrame(enc('SIP/2.0 200 OK\r\nContent-Length: 10\r\n\r\n12345'))).toEqual({
      kind: 'incomplete',
    });
    expect(takeSipFrame(enc('SIP/2.0 200 OK\r\n\r\nNEXT')).kind).toBe('frame');
    expect(takeSipFrame(enc('SIP/2.0 200 OK\r\nContent-Length: x\r\n\r\n'))).toEqual({
      kind: 'invalid',
      reason: 'bad-content-length',
    });
    expect(takeSipFrame(enc('SIP/2.0 200 OK\r\nContent-Length: 900000\r\n\r\n'))).toEqual({
      kind: 'invalid',
      reason: 'too-large',
    });
    expect(takeSipFrame(new Uint8Array(300 * 1024).fill(65))).toEqual({
      kind: 'invalid',
      reason: 'too-large',
    });
  });
});
