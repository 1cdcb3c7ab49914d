import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTcp } from './index.ts';

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((socket) => socket.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('TCP probe against a real local listener', () => {
  it('is up when the connection is accepted', async () => {
    const r = await probeTcp({ host: '127.0.0.1', port, timeoutMs: 2000 });
    expect(r).toMatchObject({ outcome: 'up', detail: 'connected' });
  });

  it('is down when refused, and when aborted', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await probeTcp({ host: '127.0.0.1', port: free, timeoutMs: 2000 })).toMatchObject({
      outcome: 'down',
      detail: 'ECONNREFUSED',
    });
    const ac = new AbortController();
    ac.abort();
    expect(await probeTcp({ host: '127.0.0.1', port, timeoutMs: 2000 }, { signal: ac.signal })).toMatchObject(
      {
        outcome: 'down',
        detail: 'aborted',
      },
    );
  });
});
