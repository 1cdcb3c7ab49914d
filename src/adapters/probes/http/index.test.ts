import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeHttp } from './index.ts';

let server: Server;
let base = '';
let pending: (() => void)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') res.end('<html>status: all good</html>');
    else if (req.url === '/moved') res.writeHead(302, { location: '/ok' }).end();
    else if (req.url === '/missing') res.writeHead(404).end('nope');
    else if (req.url === '/hang') pending.push(() => res.end());
    else res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const p of pending) p();
  pending = [];
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('HTTP probe against a real local server', () => {
  it('is up on an accepted status with the keyword present', async () => {
    const r = await probeHttp({ url: `${base}/ok`, timeoutMs: 2000, keyword: 'all good' });
    expect(r).toMatchObject({ outcome: 'up', code: 200, detail: 'HTTP 200' });
    expect(r.rttMs).toBeGreaterThanOrEqual(0);
  });

  it('is down when the keyword is missing', async () => {
    const r = await probeHttp({ url: `${base}/ok`, timeoutMs: 2000, keyword: 'maintenance' });
    expect(r).toMatchObject({ outcome: 'down', code: 200, detail: 'HTTP 200 but keyword not found' });
  });

  it('does not follow redirects unless asked', async () => {
    expect(await probeHttp({ url: `${base}/moved`, timeoutMs: 2000 })).toMatchObject({
      outcome: 'down',
      code: 302,
      detail: 'HTTP 302 not accepted (200-299) → /ok',
    });
    expect(await probeHttp({ url: `${base}/moved`, timeoutMs: 2000, followRedirects: true })).toMatchObject({
      outcome: 'up',
      code: 200,
    });
  });

  it('accepts configured ranges such as 404', async () => {
    expect((await probeHttp({ url: `${base}/missing`, timeoutMs: 2000 })).outcome).toBe('down');
    expect(
      (await probeHttp({ url: `${base}/missing`, timeoutMs: 2000, accept: '200-299,404' })).outcome,
    ).toBe('up');
  });

  it('is down on timeout and on a refused connection, without throwing', async () => {
    expect(await probeHttp({ url: `${base}/hang`, timeoutMs: 200 })).toMatchObject({
      outcome: 'down',
      detail: 'timeout after 200 ms',
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await probeHttp({ url: `http://127.0.0.1:${port}/`, timeoutMs: 2000 });
    expect(r.outcome).toBe('down');
    expect(r.detail).toMatch(/ECONNREFUSED/);
  });
});
