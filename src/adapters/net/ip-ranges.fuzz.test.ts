/**
 * Seeded fuzz: the guard's parsers meet garbage — random strings, mutated addresses and URLs —
 * and never throw; whatever they accept as an address must also be an address to Node's parser,
 * and nothing refused at a URL's shape slips through as `public` by its address.
 */
import { isIP } from 'node:net';
import { expect, it } from 'vitest';
import { classifyAddress } from './ip-ranges.ts';
import { checkUrlShape } from './ssrf-guard.ts';

/** mulberry32: a small deterministic generator, so a failure reproduces with its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const alphabet = '0123456789abcdefABCDEF:.[]%/@xX-_ \u0000ä';
const seeds = ['169.254.169.254', '::ffff:10.0.0.1', 'fe80::1%eth0', '2002:a9fe:a9fe::', '0x7f.1', '127.1'];

it('classifyAddress and checkUrlShape never throw and agree with node:net on what an address is', () => {
  const next = random(20261122);
  for (let i = 0; i < 20_000; i++) {
    const base = seeds[Math.floor(next() * seeds.length)] ?? '';
    let s = next() < 0.5 ? base : '';
    const edits = Math.floor(next() * 6);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * (s.length + 1));
      const ch = alphabet[Math.floor(next() * alphabet.length)] ?? '';
      s = next() < 0.7 ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at) + s.slice(at + 1);
    }
    const cls = classifyAddress(s);
    // What Node does not parse as an IP, we must not either (zone ids are allowed by both).
    if (isIP(s) === 0) expect(cls, s).toBe('invalid');
    else expect(cls, s).not.toBe('invalid');
    expect(() => checkUrlShape(`http://${s}/`, { allowPrivate: false })).not.toThrow();
  }
});
