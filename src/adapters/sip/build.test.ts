import { describe, expect, it } from 'vitest';
import { buildRequest, buildResponse } from './build.ts';
import { parseSipMessage } from './message.ts';

describe('buildRequest / buildResponse', () => {
  it('builds a request the parser reads back, with branch cookie, tag, byte Content-Length', () => {
    const built = buildRequest({
      method: 'OPTIONS',
      uri: 'sip:ping@127.0.0.1:5060',
      via: { transport: 'UDP', host: '::1', port: 40000 },
      from: { uri: 'sip:dialtone@localhost', displayName: 'Dial "tone"' },
      headers: [['Accept', 'application/sdp']],
      body: 'grüße',
      contentType: 'text/plain',
    });
    expect(built.branch).toMatch(/^z9hG4bK[0-9a-f]{20}$/);
    expect(built.text).toContain('Via: SIP/2.0/UDP [::1]:40000;branch=');
    expect(built.text).toContain('Max-Forwards: 70');
    const r = parseSipMessage(built.text);
    if (!r.ok || r.message.kind !== 'request') throw new Error(`not parsed: ${JSON.stringify(r)}`);
    expect(r.message).toMatchObject({
      method: 'OPTIONS',
      callId: built.callId,
      cseq: { seq: 1, method: 'OPTIONS' },
      fromTag: built.fromTag,
      viaBranch: built.branch,
      toTag: undefined,
      body: 'grüße',
    });
    expect(r.message.headers.get('content-length')).toBe('7');
    expect(r.message.headers.get('from')).toBe(
      `"Dial \\"tone\\"" <sip:dialtone@localhost>;tag=${built.fromTag}`,
    );
  });

  it('answers a request with its Via list, Call-ID, CSeq and a To tag; header values cannot add lines', () => {
    const req = parseSipMessage(
      buildRequest({
        method: 'REGISTER',
        uri: 'sip:127.0.0.1',
        via: { transport: 'TCP', host: '127.0.0.1', port: 5099 },
        from: { uri: 'sip:u@127.0.0.1' },
        cseq: 7,
        headers: [['X-Test', 'a\r\nInjected: yes']],
      }).text,
    );
    if (!req.ok) throw new Error(req.reason);
    expect(req.message.headers.has('injected')).toBe(false);
    const res = parseSipMessage(
      buildResponse(req.message, 401, 'Unauthorized', {
        toTag: 'srv',
        headers: [['WWW-Authenticate', 'Digest realm="r", nonce="n"']],
      }),
    );
    expect(res).toMatchObject({
      ok: true,
      message: { kind: 'response', status: 401, toTag: 'srv', cseq: { seq: 7, method: 'REGISTER' } },
    });
    if (res.ok) expect(res.message.viaBranch).toBe(req.message.viaBranch);
  });
});
