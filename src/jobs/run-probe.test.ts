import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from './run-probe.ts';

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/health') res.end('database: ok');
    else res.writeHead(302, { location: '/health' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const monitor = (kind: string, target: string, settings: object) => ({
  id: 'm',
  kind,
  target,
  settings: JSON.stringify(settings),
  timeout_ms: 1000,
});

describe('runProbe: from a stored monitor to its probe', () => {
  it('passes the HTTP settings through (keyword, redirects)', async () => {
    const url = `http://127.0.0.1:${port}/`;
    expect((await runProbe(monitor('http', url, { keyword: 'ok' }), {})).outcome).toBe('down');
    expect(
      await runProbe(monitor('http', url, { keyword: 'database: ok', followRedirects: true }), {}),
    ).toMatchObject({
      outcome: 'up',
      code: 200,
    });
    expect(await runProbe(monitor('tcp', `127.0.0.1:${port}`, {}), {})).toMatchObject({ outcome: 'up' });
    // A bracketed IPv6 target reaches the TCP probe as a plain address (nothing listens on ::1 here).
    const v6 = await runProbe(monitor('tcp', `[::1]:${port}`, {}), {});
    expect(v6.detail).not.toMatch(/invalid target/);
    expect(v6.outcome).toBe('down');
  });

  it('names a missing secret variable, never a value, and refuses unknown kinds', async () => {
    const register = monitor('sip-register', 'sip:127.0.0.1:9;transport=tcp', {
      username: 'probe',
      password: 'env:PROBE_PW',
    });
    expect(await runProbe(register, {})).toEqual({
      outcome: 'down',
      rttMs: 0,
      detail: 'secret env:PROBE_PW is not set in the environment',
    });
    expect((await runProbe(monitor('ping', 'x', {}), {})).detail).toBe('unknown kind ping');
    expect((await runProbe(monitor('heartbeat', '', {}), {})).outcome).toBe('down');
  });
});
