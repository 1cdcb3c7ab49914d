import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch } from './guarded-fetch.ts';
import { classifyAddress } from './ip-ranges.ts';
import { checkUrlShape, validateOutboundUrl } from './ssrf-guard.ts';

const strict = { allowPrivate: false };
const lenient = { allowPrivate: true };

describe('classifyAddress', () => {
  it.each([
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.1.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['febf:ffff::1', 'link_local'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:10.1.2.3', 'private'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['2002:a9fe:a9fe::1', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['172.32.0.1', 'public'],
    ['8.8.8.8', 'public'],
    ['2a00:1450:4001::200e', 'public'],
    ['not-an-ip', 'invalid'],
    ['1.2.3', 'invalid'],
    ['1:2:3:4:5:6:7:8:9', 'invalid'],
  ])('%s is %s', (ip, cls) => {
    expect(classifyAddress(ip)).toBe(cls);
  });
});

describe('checkUrlShape and validateOutboundUrl', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://2852039166/', 'metadata'], // decimal form of 169.254.169.254
    ['http://0251.0376.0251.0376/', 'metadata'], // octal form
    ['http://0xa9.0xfe.0xa9.0xfe/', 'metadata'], // hexadecimal form
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://[fe80::1]/', 'link_local'],
    ['http://0.0.0.0:8080/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://224.0.0.251/', 'multicast'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://127.0.0.1:9/', 'loopback'],
    ['http://10.0.0.1/', 'private'],
    ['ftp://example.com/', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['https://user:pw@example.com/', 'credentials'],
    ['not a url', 'invalid_url'],
  ])('%s is refused (%s)', (url, reason) => {
    const verdict = checkUrlShape(url, strict);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toBe(reason);
  });

  it('allows loopback and private literals only when the admin allows private ranges', () => {
    expect(checkUrlShape('http://127.0.0.1:9/', lenient).ok).toBe(true);
    expect(checkUrlShape('http://[fd00::1]/', lenient).ok).toBe(true);
    // Link-local and metadata stay refused even then.
    expect(checkUrlShape('http://169.254.169.254/', lenient).ok).toBe(false);
    expect(checkUrlShape('http://[fe80::1]/', lenient).ok).toBe(false);
  });

  it('resolves names: localhost (from /etc/hosts) is loopback', async () => {
    const verdict = await validateOutboundUrl('http://localhost:9/hook', strict);
    expect(verdict).toMatchObject({ ok: false, reason: 'loopback' });
    expect((await validateOutboundUrl('http://localhost:9/hook', lenient)).ok).toBe(true);
  });

  it('refuses a name when any of its addresses is refused', async () => {
    const resolve = async () => ['93.184.215.14', '169.254.169.254'];
    expect(await validateOutboundUrl('https://mixed.example/', strict, resolve)).toMatchObject({
      ok: false,
      reason: 'metadata',
    });
    const publicOnly = async () => ['93.184.215.14'];
    expect((await validateOutboundUrl('https://ok.example/', strict, publicOnly)).ok).toBe(true);
  });

  it('says unresolvable for a name without addresses', async () => {
    const none = async (): Promise<string[]> => {
      throw new Error('ENOTFOUND');
    };
    expect(await validateOutboundUrl('https://nowhere.invalid/', strict, none)).toMatchObject({
      ok: false,
      reason: 'unresolvable',
    });
  });
});

describe('guardedFetch against a receiver on 127.0.0.1', () => {
  let server: Server;
  let base: string;
  const seen: { method: string; url: string; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', body });
        const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
        if (to) {
          res.writeHead(307, { location: to }).end();
          return;
        }
        if (req.url === '/hang') return; // never answers
        res.writeHead(200, { 'content-type': 'text/plain' }).end(`got ${req.method} ${body}`);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('posts when private addresses are allowed', async () => {
    const r = await guardedFetch(`${base}/hook`, { method: 'POST', body: 'hello' }, lenient);
    expect(r.ok && r.response.status).toBe(200);
    expect(r.ok && r.response.body).toBe('got POST hello');
  });

  it('refuses loopback by default without sending anything', async () => {
    const before = seen.length;
    const r = await guardedFetch(`${base}/hook`, { method: 'POST', body: 'x' }, strict);
    expect(r).toMatchObject({ ok: false, kind: 'refused', reason: 'loopback' });
    expect(seen.length).toBe(before);
  });

  it('checks a name at connect time with the addresses it resolves to then', async () => {
    const port = (server.address() as AddressInfo).port;
    const rebinding = async () => ['10.9.8.7'];
    const r = await guardedFetch(`http://rebind.example:${port}/`, {}, { ...strict, resolve: rebinding });
    expect(r).toMatchObject({ ok: false, kind: 'refused', reason: 'private' });
    const toLoopback = async () => ['127.0.0.1'];
    const ok = await guardedFetch(`http://hooks.example:${port}/`, {}, { ...lenient, resolve: toLoopback });
    expect(ok.ok && ok.response.status).toBe(200);
  });

  it('re-checks every redirect target', async () => {
    const toMetadata = `${base}/r?to=${encodeURIComponent('http://169.254.169.254/latest/')}`;
    expect(await guardedFetch(toMetadata, {}, lenient)).toMatchObject({ ok: false, reason: 'metadata' });
    const toDecimal = `${base}/r?to=${encodeURIComponent('http://2852039166/')}`;
    expect(await guardedFetch(toDecimal, {}, lenient)).toMatchObject({ ok: false, reason: 'metadata' });
    const toLocal = `${base}/r?to=${encodeURIComponent(`${base}/final`)}`;
    const followed = await guardedFetch(toLocal, { method: 'POST', body: 'kept' }, lenient);
    expect(followed.ok && followed.response.body).toBe('got POST kept');
  });

  it('stops after the allowed number of redirects', async () => {
    const loop = `${base}/r?to=${encodeURIComponent(`${base}/r?to=${encodeURIComponent(`${base}/x`)}`)}`;
    expect(await guardedFetch(loop, { maxRedirects: 1 }, lenient)).toMatchObject({
      ok: false,
      kind: 'too_many_redirects',
    });
  });

  it('gives up on a receiver that never answers', async () => {
    const r = await guardedFetch(`${base}/hang`, { timeoutMs: 200 }, lenient);
    expect(r).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await guardedFetch(`http://127.0.0.1:${port}/`, {}, lenient)).toMatchObject({
      ok: false,
      kind: 'network',
    });
  });
});
