import { describe, expect, it } from 'vitest';
import { parseSipMessage } from './message.ts';

const crlf = (lines: string[]) => lines.join('\r\n');

describe('parseSipMessage', () => {
  it('reads a request with compact forms, folded lines, repeated Via and a body cut to Content-Length', () => {
    const body = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n';
    const raw = crlf([
      'INVITE sip:bob@127.0.0.1:5070;transport=udp SIP/2.0',
      'v: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-top;rport, SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK-2',
      'Via: SIP/2.0/UDP 10.0.0.2;branch=z9hG4bK-3',
      'f: "Alice, A." <sip:alice@127.0.0.1;transport=udp>;tag=1928301774',
      't: <sip:bob@127.0.0.1>',
      'i: a84b4c76e66710@127.0.0.1',
      'CSeq: 314159 invite',
      'Subject: first line',
      '  continued here',
      'c: application/sdp',
      `l: ${new TextEncoder().encode(body).length}`,
      '',
      `${body}TRAILING-GARBAGE`,
    ]);
    const r = parseSipMessage(raw);
    expect(r.ok).toBe(true);
    if (!r.ok || r.message.kind !== 'request') throw new Error('expected a request');
    const m = r.message;
    expect(m.method).toBe('INVITE');
    expect(m.uri).toBe('sip:bob@127.0.0.1:5070;transport=udp');
    expect(m.callId).toBe('a84b4c76e66710@127.0.0.1');
    expect(m.cseq).toEqual({ seq: 314159, method: 'INVITE' });
    expect(m.fromTag).toBe('1928301774');
    expect(m.toTag).toBeUndefined();
    expect(m.viaBranch).toBe('z9hG4bK-top');
    expect(m.headers.getList('VIA')).toHaveLength(3);
    expect(m.headers.get('subject')).toBe('first line continued here');
    expect(m.headers.get('Content-Type')).toBe('application/sdp');
    expect(m.body).toBe(body);
  });

  it('reads a response from bytes, with an empty reason phrase and a bare-LF header end', () => {
    const raw = new TextEncoder().encode(
      'SIP/2.0 503\nVia: SIP/2.0/TCP h;branch=z9hG4bKx\nFrom: <sip:a@h>;tag=a\nTo: <sip:b@h>;tag=b\nCall-ID: c\nCSeq: 2 OPTIONS\nContent-Length: 0\n\n',
    );
    const r = parseSipMessage(raw);
    expect(r).toMatchObject({
      ok: true,
      message: { kind: 'response', status: 503, reason: '', toTag: 'b', cseq: { seq: 2, method: 'OPTIONS' } },
    });
  });

  it('names the reason for each kind of broken message', () => {
    const ok = ['Via: SIP/2.0/UDP h;branch=z9hG4bK1', 'Call-ID: c', 'CSeq: 1 OPTIONS'];
    const cases: Array<[string | Uint8Array, string]> = [
      ['', 'empty'],
      ['\r\n\r\n', 'empty'],
      [crlf(['OPTIONS sip:a SIP/2.0', ...ok]), 'no-header-end'],
      [crlf(['HELLO', ...ok, '', '']), 'bad-start-line'],
      [crlf(['SIP/2.0 999 Nope', ...ok, '', '']), 'bad-start-line'],
      [crlf(['OPTIONS sip:a SIP/3.0', ...ok, '', '']), 'bad-start-line'],
      [crlf(['OPTIONS sip:a SIP/2.0', ' folded-first', ...ok, '', '']), 'bad-header'],
      [crlf(['OPTIONS sip:a SIP/2.0', 'no colon here', ...ok, '', '']), 'bad-header'],
      [crlf(['OPTIONS sip:a SIP/2.0', 'CSeq: 1 OPTIONS', '', '']), 'missing-call-id'],
      [crlf(['OPTIONS sip:a SIP/2.0', 'Call-ID: c', 'CSeq: one OPTIONS', '', '']), 'bad-cseq'],
      [crlf(['OPTIONS sip:a SIP/2.0', 'Call-ID: c', 'CSeq: 99999999999 OPTIONS', '', '']), 'bad-cseq'],
      [crlf(['OPTIONS sip:a SIP/2.0', ...ok, 'Content-Length: -1', '', '']), 'bad-content-length'],
      [crlf(['OPTIONS sip:a SIP/2.0', ...ok, 'Content-Length: 10', '', 'short']), 'truncated-body'],
      [new Uint8Array(300 * 1024).fill(65), 'too-large'],
      [
        crlf(['OPTIONS sip:a SIP/2.0', ...ok, ...Array.from({ length: 300 }, (_, i) => `X-${i}: y`), '', '']),
        'too-many-headers',
      ],
    ];
    for (const [input, reason] of cases) expect(parseSipMessage(input)).toEqual({ ok: false, reason });
  });

  it('never throws on garbage: random bytes and mutations of a valid message (seeded)', () => {
    let seed = 0x2f6b_1d35;
    const next = () => {
      // xorshift32: reproducible without a dependency
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 0x1_0000_0000;
    };
    const valid = new TextEncoder().encode(
      crlf([
        'OPTIONS sip:a@h SIP/2.0',
        'Via: SIP/2.0/UDP h;branch=z9hG4bK1',
        'From: <sip:x@h>;tag=1',
        'To: <sip:a@h>',
        'Call-ID: c',
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '',
        '',
      ]),
    );
    const reasons = new Map<string, number>();
    for (let round = 0; round < 3000; round++) {
      let input: Uint8Array;
      if (round % 2 === 0) {
        input = new Uint8Array(Math.floor(next() * 400)).map(() => Math.floor(next() * 256));
      } else {
        input = valid.slice(0, Math.max(1, Math.floor(next() * valid.length) + 1));
        for (let k = 0; k < 1 + next() * 4; k++)
          input[Math.floor(next() * input.length)] = Math.floor(next() * 256);
      }
      const r = parseSipMessage(input);
      const key = r.ok ? 'ok' : r.reason;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    // Both paths were exercised: some mutants still parse, most garbage is refused.
    expect(reasons.get('ok')).toBeGreaterThan(0);
    expect(reasons.get('bad-start-line')).toBeGreaterThan(0);
  });
});
