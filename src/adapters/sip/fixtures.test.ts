import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDigestChallenge } from './digest.ts';
import { parseSipMessage, type SipMessage } from './message.ts';

const dir = new URL('../../../test/fixtures/sip/', import.meta.url);
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.sip'));
const load = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));

function parsed(name: string): SipMessage {
  const r = parseSipMessage(load(name));
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r.message;
}

describe('captured SIP messages (Kamailio, SIPp, dialtone probes)', () => {
  it('parses every capture, and the kind, method or code matches the file name', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    for (const name of fixtures) {
      const m = parsed(name);
      const head = name.split('-')[0]!;
      if (/^\d{3}$/.test(head)) expect(m.kind === 'response' && m.status, name).toBe(Number(head));
      else expect(m.kind === 'request' && m.method.toLowerCase(), name).toBe(head);
      expect(m.callId, name).not.toBe('');
      expect(m.viaBranch, name).toMatch(/^z9hG4bK/);
    }
  });

  it('reads the proxied INVITE: Record-Route, two Vias (proxy on top), SDP body by Content-Length', () => {
    const m = parsed('invite-from-proxy.sip');
    expect(m.headers.getList('via')).toHaveLength(2);
    expect(m.headers.get('record-route')).toMatch(/;lr/);
    expect(m.viaBranch).toMatch(/^z9hG4bK[0-9a-f]{4}\./);
    expect(m.body.startsWith('v=0')).toBe(true);
    expect(new TextEncoder().encode(m.body).length).toBe(Number(m.headers.get('l')));
    expect(m.fromTag).toBeDefined();
    expect(m.toTag).toBeUndefined();
  });

  it('sees the proxy turn the UAS 503 into 500 upstream on the same call', () => {
    const down = parsed('503-invite-to-proxy.sip');
    const up = parsed('500-invite-from-proxy.sip');
    expect(down.callId).toBe(up.callId);
    expect(down.headers.getList('via').length).toBe(up.headers.getList('via').length + 1);
  });

  it("reads Kamailio's digest challenge", () => {
    const m = parsed('401-register-from-proxy.sip');
    const challenge = parseDigestChallenge(m.headers.get('www-authenticate') ?? '');
    expect(challenge).toMatchObject({ realm: '127.0.0.1', algorithm: 'MD5' });
    expect(challenge?.nonce.length).toBeGreaterThan(10);
  });

  it('never throws on any truncation or single-byte corruption of a capture', () => {
    for (const name of fixtures) {
      const bytes = load(name);
      for (let cut = 0; cut <= bytes.length; cut += 7)
        expect(() => parseSipMessage(bytes.subarray(0, cut))).not.toThrow();
      for (let at = 0; at < bytes.length; at += 5) {
        const copy = bytes.slice();
        copy[at] = (copy[at]! + 0x80) & 0xff;
        expect(() => parseSipMessage(copy)).not.toThrow();
      }
    }
  });
});
