import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  labCertificate,
  type PeerProcess,
  startKamailio,
  startSipp,
  stopAll,
  telephonySkipReason,
} from '../../../../test/support/telephony.ts';
import { buildResponse } from '../../sip/build.ts';
import { parseSipMessage } from '../../sip/message.ts';
import { probeSipOptions } from './index.ts';

const skip = telephonySkipReason();

describe.skipIf(skip)('SIP OPTIONS probe against SIPp and Kamailio', () => {
  let uas: PeerProcess;
  let busy: PeerProcess;
  let proxyPort: number;

  beforeAll(async () => {
    uas = await startSipp({ scenario: 'uas-options.xml', port: await freePort() });
    busy = await startSipp({ scenario: 'uas-options-503.xml', port: await freePort() });
    proxyPort = await freePort();
    await startKamailio({ port: proxyPort, optionsTo: `127.0.0.1:${uas.port}` });
  }, 20_000);
  afterAll(() => stopAll());

  it('is up over UDP directly and through the proxy over UDP and TCP, with the code and a round-trip time', async () => {
    for (const target of [
      `sip:ping@127.0.0.1:${uas.port}`,
      `sip:ping@127.0.0.1:${proxyPort}`,
      `sip:ping@127.0.0.1:${proxyPort};transport=tcp`,
    ]) {
      const r = await probeSipOptions({ target, timeoutMs: 2000 });
      expect(r, target).toMatchObject({ outcome: 'up', code: 200, detail: '200 OK' });
      expect(r.rttMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('reports 503 as overloaded, and as up when the monitor accepts 503', async () => {
    const target = `sip:ping@127.0.0.1:${busy.port}`;
    expect(await probeSipOptions({ target, timeoutMs: 2000 })).toMatchObject({
      outcome: 'overloaded',
      code: 503,
    });
    expect(await probeSipOptions({ target, timeoutMs: 2000, accept: '200-299,503' })).toMatchObject({
      outcome: 'up',
      code: 503,
    });
    expect(await probeSipOptions({ target, timeoutMs: 2000, accept: '404' })).toMatchObject({
      outcome: 'overloaded',
    });
  });

  it('is down when the UAS hangs (timeout after retransmissions), up again when it resumes, refused once it is gone', async () => {
    const direct = `sip:ping@127.0.0.1:${uas.port}`;
    const viaProxy = `sip:ping@127.0.0.1:${proxyPort}`;
    uas.pause();
    const hung = await probeSipOptions({ target: direct, timeoutMs: 1200 });
    expect(hung.outcome).toBe('down');
    // Sent at 0 and 500 ms (Timer A); the next one would be due at 1500 ms.
    expect(hung.detail).toMatch(/^timeout after 1200 ms \([12] transmissions?\)$/);
    expect(hung.code).toBeUndefined();
    uas.resume();
    expect(await probeSipOptions({ target: direct, timeoutMs: 2000 })).toMatchObject({ outcome: 'up' });
    await uas.stop();
    expect(await probeSipOptions({ target: direct, timeoutMs: 2000 })).toMatchObject({
      outcome: 'down',
      detail: 'port unreachable (ICMP)',
    });
    const r = await probeSipOptions({ target: viaProxy, timeoutMs: 1200 });
    expect(r.outcome).toBe('down');
    expect(r.detail).toMatch(/^timeout after 1200 ms \(\d transmissions\)$/);
  }, 10_000);
});

describe('SIP OPTIONS probe over TLS (a local TLS responder with a lab certificate)', () => {
  let server: tls.Server | undefined;
  afterAll(() => server?.close());

  it('checks the certificate against tlsServerName; a lab CA or tlsInsecure lets it through', async () => {
    const lab = labCertificate('sbc.lab.test');
    if (!lab) return;
    server = tls.createServer({ key: lab.key, cert: lab.cert }, (socket) => {
      socket.on('error', () => {});
      socket.on('data', (d: Buffer) => {
        const r = parseSipMessage(d);
        if (r.ok) socket.write(buildResponse(r.message, 200, 'OK'));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    const target = `sips:ping@127.0.0.1:${port}`;
    const base = { target, timeoutMs: 2000, tlsServerName: 'sbc.lab.test' };
    const refused = await probeSipOptions(base);
    expect(refused.outcome).toBe('down');
    expect(refused.detail).toMatch(/^TLS .*self[- ]signed/i);
    expect(await probeSipOptions({ ...base, tlsCa: lab.cert })).toMatchObject({ outcome: 'up', code: 200 });
    expect(await probeSipOptions({ ...base, tlsInsecure: true })).toMatchObject({ outcome: 'up', code: 200 });
    const wrongName = await probeSipOptions({ ...base, tlsServerName: 'other.lab.test', tlsCa: lab.cert });
    expect(wrongName).toMatchObject({ outcome: 'down' });
  });
});

describe('SIP OPTIONS probe without peers', () => {
  it('is down for unusable URIs and accepted-code lists, and when aborted', async () => {
    expect(await probeSipOptions({ target: 'http://x', timeoutMs: 100 })).toMatchObject({ outcome: 'down' });
    expect(await probeSipOptions({ target: 'sips:x;transport=udp', timeoutMs: 100 })).toMatchObject({
      outcome: 'down',
    });
    expect(await probeSipOptions({ target: 'sip:127.0.0.1', timeoutMs: 100, accept: '2xx' })).toMatchObject({
      outcome: 'down',
      detail: 'invalid accepted codes: 2xx',
    });
    const controller = new AbortController();
    controller.abort();
    expect(
      await probeSipOptions({ target: 'sip:127.0.0.1:9', timeoutMs: 1000 }, { signal: controller.signal }),
    ).toMatchObject({
      outcome: 'down',
      detail: 'UDP aborted',
    });
  });
});
