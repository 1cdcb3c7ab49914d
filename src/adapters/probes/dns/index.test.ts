import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeDns } from './index.ts';

/**
 * A tiny authoritative responder for the test: A and TXT records from a table, NXDOMAIN for other
 * names, and no answer at all for `silent.test` (to see the timeout).
 */
const records: Record<string, { A?: string[]; TXT?: string[] }> = {
  'sip.example.test': { A: ['192.0.2.10', '192.0.2.11'], TXT: ['v=ok'] },
};
const types: Record<number, 'A' | 'TXT'> = { 1: 'A', 16: 'TXT' };

function answer(query: Buffer): Buffer | null {
  let offset = 12;
  const labels: string[] = [];
  while (query[offset]! > 0) {
    labels.push(query.subarray(offset + 1, offset + 1 + query[offset]!).toString('ascii'));
    offset += query[offset]! + 1;
  }
  const name = labels.join('.').toLowerCase();
  const qtype = query.readUInt16BE(offset + 1);
  const question = query.subarray(12, offset + 5);
  if (name === 'silent.test') return null;
  const entry = records[name];
  const values = entry?.[types[qtype] ?? 'A'] ?? [];
  const rrs = values.map((v) => {
    const rdata =
      qtype === 1
        ? Buffer.from(v.split('.').map(Number))
        : Buffer.concat([Buffer.from([v.length]), Buffer.from(v, 'ascii')]);
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0);
    rr.writeUInt16BE(qtype, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(60, 6);
    rr.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([rr, rdata]);
  });
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  header.writeUInt16BE(entry ? 0x8580 : 0x8583, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(rrs.length, 6);
  return Buffer.concat([header, question, ...rrs]);
}

let server: Socket;
let port = 0;
beforeAll(async () => {
  server = createSocket('udp4');
  server.on('message', (msg, rinfo) => {
    const reply = answer(msg);
    if (reply) server.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => server.bind(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const ask = (name: string, extra: Partial<Parameters<typeof probeDns>[0]> = {}) =>
  probeDns({ name, type: 'A', server: { host: '127.0.0.1', port }, timeoutMs: 1000, ...extra });

describe('DNS probe against a real UDP responder', () => {
  it('is up with the answers, and checks an expected answer', async () => {
    expect(await ask('sip.example.test')).toMatchObject({
      outcome: 'up',
      detail: 'A 192.0.2.10, 192.0.2.11',
    });
    expect((await ask('sip.example.test', { expect: '192.0.2.11' })).outcome).toBe('up');
    expect(await ask('sip.example.test', { expect: '192.0.2.99' })).toMatchObject({
      outcome: 'down',
      detail: 'answer 192.0.2.10, 192.0.2.11 lacks 192.0.2.99',
    });
    expect(await ask('sip.example.test', { type: 'TXT', expect: 'v=ok' })).toMatchObject({ outcome: 'up' });
  });

  it('is down on NXDOMAIN and on silence', async () => {
    expect(await ask('gone.example.test')).toMatchObject({ outcome: 'down', detail: 'ENOTFOUND' });
    expect(await ask('silent.test', { timeoutMs: 300 })).toMatchObject({
      outcome: 'down',
      detail: 'timeout after 300 ms',
    });
  });
});

describe('DNS probe against a responder on IPv6 loopback', () => {
  let server6: Socket | null = null;
  let port6 = 0;
  beforeAll(async () => {
    const s = createSocket('udp6');
    s.on('message', (msg, rinfo) => {
      const reply = answer(msg);
      if (reply) s.send(reply, rinfo.port, rinfo.address);
    });
    // Hosts without IPv6 loopback skip this part (the bind fails).
    port6 = await new Promise<number>((resolve) => {
      s.once('error', () => resolve(0));
      s.bind(0, '::1', () => resolve((s.address() as AddressInfo).port));
    });
    if (port6 > 0) server6 = s;
    else s.close();
  });
  afterAll(() => new Promise<void>((resolve) => (server6 ? server6.close(() => resolve()) : resolve())));

  it('asks a server given as an IPv6 address', async (ctx) => {
    if (!server6) return ctx.skip();
    const r = await probeDns({
      name: 'sip.example.test',
      type: 'A',
      server: { host: '::1', port: port6 },
      timeoutMs: 1000,
    });
    expect(r).toMatchObject({ outcome: 'up', detail: 'A 192.0.2.10, 192.0.2.11' });
  });
});
