import { describe, expect, it } from 'vitest';
import { chooseChallenge, digestAuthorization, parseAuthParams, parseDigestChallenge } from './digest.ts';

describe('digest', () => {
  it('answers the RFC 2617 §3.5 example (MD5, qop=auth)', () => {
    const challenge = parseDigestChallenge(
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    );
    expect(challenge).toMatchObject({
      realm: 'testrealm@host.com',
      algorithm: 'MD5',
      qop: ['auth', 'auth-int'],
    });
    const value = digestAuthorization({
      challenge: challenge!,
      method: 'GET',
      uri: '/dir/index.html',
      username: 'Mufasa',
      password: 'Circle Of Life',
      cnonce: '0a4f113b',
    });
    const params = parseAuthParams(value.replace(/^Digest /, ''));
    expect(params.get('response')).toBe('6629fae49393a05397450978507c4ef1');
    expect(params.get('nc')).toBe('00000001');
    expect(params.get('opaque')).toBe('5ccc069c403ebaf9f0171e9517f40e41');
  });

  it('answers the RFC 7616 §3.9.1 examples with SHA-256 and MD5 and prefers SHA-256', () => {
    const common =
      'realm="http-auth@example.org", qop="auth, auth-int", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';
    const md5 = `Digest ${common}, algorithm=MD5`;
    const sha = `Digest ${common}, algorithm=SHA-256`;
    const chosen = chooseChallenge([md5, sha, 'Basic realm="x"']);
    expect(chosen?.algorithm).toBe('SHA-256');
    const answer = (challenge: typeof chosen) =>
      parseAuthParams(
        digestAuthorization({
          challenge: challenge!,
          method: 'GET',
          uri: '/dir/index.html',
          username: 'Mufasa',
          password: 'Circle of Life',
          cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
        }).slice(7),
      ).get('response');
    expect(answer(chosen)).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
    expect(answer(parseDigestChallenge(md5))).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('answers without qop (RFC 2069 form) and refuses what it cannot answer', () => {
    const ch = parseDigestChallenge('DIGEST realm="r", nonce="n"');
    const value = digestAuthorization({
      challenge: ch!,
      method: 'REGISTER',
      uri: 'sip:r',
      username: 'u',
      password: 'p',
    });
    expect(value).not.toContain('qop=');
    expect(value).not.toContain('cnonce');
    expect(parseDigestChallenge('Digest realm="r", nonce="n", algorithm=SHA-512-256')).toBeUndefined();
    expect(parseDigestChallenge('Digest realm="r"')).toBeUndefined();
    expect(parseDigestChallenge('Basic realm="r"')).toBeUndefined();
    expect(parseDigestChallenge('\u0000garbage')).toBeUndefined();
    expect(chooseChallenge([])).toBeUndefined();
  });

  it('escapes quotes in user names so the header cannot be broken open', () => {
    const ch = parseDigestChallenge('Digest realm="r", nonce="n", qop=auth');
    const value = digestAuthorization({
      challenge: ch!,
      method: 'REGISTER',
      uri: 'sip:r',
      username: 'a"b\r\nX: y',
      password: 'p',
    });
    expect(value).not.toMatch(/[\r\n]/);
    expect(parseAuthParams(value.slice(7)).get('username')).toBe('a"bX: y');
  });
});
