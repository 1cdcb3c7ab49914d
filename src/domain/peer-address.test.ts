import { describe, expect, it } from 'vitest';
import { PeerMatcher, parseIp, parseNetwork } from './peer-address.ts';

describe('parseIp and parseNetwork', () => {
  it('reads IPv4, IPv6 (short, full, with an IPv4 tail) and refuses the rest', () => {
    expect([...parseIp('192.0.2.1')!]).toEqual([192, 0, 2, 1]);
    expect(parseIp('2001:db8::1')).toHaveLength(16);
    expect([...parseIp('::ffff:192.0.2.1')!].slice(10)).toEqual([255, 255, 192, 0, 2, 1]);
    expect(parseIp('1:2:3:4:5:6:7:8')).toHaveLength(16);
    for (const bad of [
      '',
      '256.1.1.1',
      '1.2.3',
      '01.2.3.4',
      '1::2::3',
      '1:2:3:4:5:6:7:8:9',
      'g::1',
      'host',
    ]) {
      expect(parseIp(bad), bad).toBeNull();
    }
    expect(parseNetwork('192.0.2.0/24')).toMatchObject({ prefix: 24 });
    expect(parseNetwork('2001:db8::/32')).toMatchObject({ prefix: 32 });
    expect(parseNetwork('192.0.2.1')).toMatchObject({ prefix: 32 });
    expect(parseNetwork('192.0.2.0/33')).toBeNull();
    expect(parseNetwork('192.0.2.0/24/1')).toBeNull();
  });
});

describe('PeerMatcher', () => {
  const m = new PeerMatcher([
    { id: 'carrier-net', match: '192.0.2.0/24', port: null },
    { id: 'carrier-sbc', match: '192.0.2.10', port: 5060 },
    { id: 'v6', match: '2001:db8:1::/48', port: null },
    { id: 'broken', match: 'not-an-address', port: null },
  ]);

  it('picks the most specific rule, honours the port, and maps IPv4-mapped IPv6', () => {
    expect(m.match('192.0.2.10', 5060)).toBe('carrier-sbc');
    expect(m.match('192.0.2.10', 5080)).toBe('carrier-net');
    expect(m.match('192.0.2.99', 5060)).toBe('carrier-net');
    expect(m.match('::ffff:192.0.2.10', 5060)).toBe('carrier-sbc');
    expect(m.match('2001:db8:1:ff::5', 1)).toBe('v6');
    expect(m.match('2001:db8:2::5', 1)).toBeNull();
    expect(m.match('198.51.100.1', 5060)).toBeNull();
    expect(m.match('garbage', 5060)).toBeNull();
    expect(m.size).toBe(3);
  });
});
