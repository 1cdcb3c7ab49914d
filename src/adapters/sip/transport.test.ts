import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { labCertificate } from '../../../test/support/telephony.ts';
import { buildRequest, buildResponse } from './build.ts';
import { parseSipMessage, type SipMessage } from './message.ts';
import { openSipConnection } from './transport.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function options(local: { host: string; port: number }, transport: 'UDP' | 'TCP' | 'TLS') {
  return buildRequest({
    method: 'OPTIONS',
    uri: 'sip:ping@127.0.0.1',
    via: { transport, ...local },
    from: { uri: 'sip:dialtone@127.0.0.1' },
  });
}

function request(bytes: Uint8Array): SipMessage {
  const r = parseSipMessage(bytes);
  if (!r.ok) throw new Error(r.reason);
  return r.message;
}

/** A UDP peer that calls `answer` for each datagram; counts what it received. */
async function udpPeer(answer: (req: SipMessage, reply: (text: string) => void, count: number) => void) {
  const socket = dgram.createSocket('udp4');
  const received: SipMessage[] = [];
  socket.on('message', (msg, rinfo) => {
    const req = request(msg);
    received.push(req);
    answer(req, (text) => socket.send(text, rinfo.port, rinfo.address), received.length);
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
  cleanups.push(() => socket.close());
  return { port: socket.address().port, received };
}

describe('SIP transport', () => {
  it('UDP: waits past 1xx and responses for other transactions, resolves on the matching final answer', async () => {
    const peer = await udpPeer((req, reply) => {
      reply(buildResponse(req, 100, 'Trying'));
      const other = parseSipMessage(buildResponse(req, 500, 'Wrong').replace(req.viaBranch!, 'z9hG4bKother'));
      if (other.ok) reply(buildResponse(other.message, 500, 'Wrong'));
      reply(buildResponse(req, 486, 'Busy Here', { toTag: 't' }).replace(`CSeq: 1`, 'CSeq: 9'));
      reply(buildResponse(req, 200, 'OK', { toTag: 't' }));
    });
    const opened = await openSipConnection(
      { transport: 'UDP', host: '127.0.0.1', port: peer.port },
      { timeoutMs: 1000 },
    );
    if (!opened.ok) throw new Error(opened.detail);
    cleanups.push(() => opened.connection.close());
    const outcome = await opened.connection.request(options(opened.connection.local, 'UDP'), 'OPTIONS', 2000);
    expect(outcome).toMatchObject({ ok: true, provisionals: 1, response: { status: 200 } });
  });

  it('UDP over IPv6 (::1): the Via carries the IPv6 local address in brackets', async () => {
    const socket = dgram.createSocket('udp6');
    socket.on('message', (msg, rinfo) =>
      socket.send(buildResponse(request(msg), 200, 'OK'), rinfo.port, rinfo.address),
    );
    await new Promise<void>((r) => socket.bind(0, '::1', () => r()));
    cleanups.push(() => socket.close());
    const opened = await openSipConnection(
      { transport: 'UDP', host: '::1', port: socket.address().port },
      { timeoutMs: 1000 },
    );
    if (!opened.ok) throw new Error(opened.detail);
    cleanups.push(() => opened.connection.close());
    expect(opened.connection.local.host).toBe('::1');
    const built = options(opened.connection.local, 'UDP');
    expect(built.text).toContain('Via: SIP/2.0/UDP [::1]:');
    expect(await opened.connection.request(built, 'OPTIONS', 2000)).toMatchObject({
      ok: true,
      response: { status: 200 },
    });
  });

  it('UDP: retransmits the same request (Timer A) until an answer arrives', async () => {
    const peer = await udpPeer((req, reply, count) => {
      if (count === 3) reply(buildResponse(req, 200, 'OK'));
    });
    const opened = await openSipConnection(
      { transport: 'UDP', host: '127.0.0.1', port: peer.port },
      { timeoutMs: 1000 },
    );
    if (!opened.ok) throw new Error(opened.detail);
    cleanups.push(() => opened.connection.close());
    const outcome = await opened.connection.request(options(opened.connection.local, 'UDP'), 'OPTIONS', 5000);
    expect(outcome).toMatchObject({ ok: true, transmissions: 3 });
    expect(new Set(peer.received.map((r) => r.viaBranch)).size).toBe(1);
  });

  it('TCP: reassembles a response split across segments and ignores keep-alive CRLFs', async () => {
    const server = net.createServer((socket) => {
      let buffer = '';
      socket.on('data', (d) => {
        buffer += d.toString();
        if (!buffer.includes('\r\n\r\n')) return;
        const req = request(new TextEncoder().encode(buffer));
        const text = `\r\n\r\n${buildResponse(req, 100, 'Trying')}${buildResponse(req, 200, 'OK', { body: 'x'.repeat(3000) })}`;
        socket.write(text.slice(0, 17));
        setTimeout(() => socket.write(text.slice(17, 900)), 20);
        setTimeout(() => socket.write(text.slice(900)), 40);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => server.close());
    const port = (server.address() as net.AddressInfo).port;
    const opened = await openSipConnection(
      { transport: 'TCP', host: '127.0.0.1', port },
      { timeoutMs: 1000 },
    );
    if (!opened.ok) throw new Error(opened.detail);
    cleanups.push(() => opened.connection.close());
    const outcome = await opened.connection.request(options(opened.connection.local, 'TCP'), 'OPTIONS', 2000);
    expect(outcome).toMatchObject({ ok: true, provisionals: 1, transmissions: 1 });
    if (outcome.ok) expect(outcome.response.body).toHaveLength(3000);
  });

  it('TCP: a peer that closes fails the transaction at once; a refused connect is a result', async () => {
    const server = net.createServer((socket) => socket.on('data', () => socket.end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => server.close());
    const port = (server.address() as net.AddressInfo).port;
    const opened = await openSipConnection(
      { transport: 'TCP', host: '127.0.0.1', port },
      { timeoutMs: 1000 },
    );
    if (!opened.ok) throw new Error(opened.detail);
    cleanups.push(() => opened.connection.close());
    const outcome = await opened.connection.request(options(opened.connection.local, 'TCP'), 'OPTIONS', 5000);
    expect(outcome).toMatchObject({ ok: false, error: 'closed' });
    server.close();
    const refused = await openSipConnection(
      { transport: 'TCP', host: '127.0.0.1', port },
      { timeoutMs: 1000 },
    );
    expect(refused).toMatchObject({ ok: false, error: 'refused' });
  });

  it('TLS: checks the certificate by default, accepts a lab certificate when told to or given its CA', async () => {
    const lab = labCertificate('sbc.lab.test');
    if (!lab) return;
    const { cert } = lab;
    const server = tls.createServer({ key: lab.key, cert }, (socket) => {
      socket.on('data', (d: Buffer) => socket.write(buildResponse(request(d), 200, 'OK')));
      socket.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => server.close());
    const port = (server.address() as net.AddressInfo).port;
    const endpoint = { transport: 'TLS', host: '127.0.0.1', port, serverName: 'sbc.lab.test' } as const;
    expect(await openSipConnection(endpoint, { timeoutMs: 1000 })).toMatchObject({
      ok: false,
      error: 'refused',
    });
    for (const extra of [{ rejectUnauthorized: false }, { ca: cert }]) {
      const opened = await openSipConnection({ ...endpoint, ...extra }, { timeoutMs: 1000 });
      if (!opened.ok) throw new Error(opened.detail);
      const outcome = await opened.connection.request(
        options(opened.connection.local, 'TLS'),
        'OPTIONS',
        2000,
      );
      opened.connection.close();
      expect(outcome).toMatchObject({ ok: true, response: { status: 200 } });
    }
  });

  it('aborting fails pending transactions and closes the socket', async () => {
    const peer = await udpPeer(() => {});
    const controller = new AbortController();
    const opened = await openSipConnection(
      { transport: 'UDP', host: '127.0.0.1', port: peer.port },
      { timeoutMs: 1000, signal: controller.signal },
    );
    if (!opened.ok) throw new Error(opened.detail);
    const pending = opened.connection.request(options(opened.connection.local, 'UDP'), 'OPTIONS', 10_000);
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, error: 'aborted' });
    expect(
      await opened.connection.request(options(opened.connection.local, 'UDP'), 'OPTIONS', 100),
    ).toMatchObject({
      ok: false,
    });
  });
});
