import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startKamailio, stopAll, telephonySkipReason } from '../../../../test/support/telephony.ts';
import { probeSipRegister } from './index.ts';

const skip = telephonySkipReason();

describe.skipIf(skip)('SIP REGISTER probe against Kamailio (digest registrar)', () => {
  let port: number;
  const password = 'lab-only-7f3a';

  beforeAll(async () => {
    port = await freePort();
    await startKamailio({ port, password });
  }, 20_000);
  afterAll(() => stopAll());

  it('answers the 401 challenge and registers over UDP and TCP, measuring the registration time', async () => {
    for (const target of [`sip:127.0.0.1:${port}`, `sip:127.0.0.1:${port};transport=tcp`]) {
      const r = await probeSipRegister({ target, timeoutMs: 2000, username: 'probe', password });
      expect(r, target).toMatchObject({ outcome: 'up', code: 200 });
      expect(r.metrics?.registrationMs).toBe(r.rttMs);
    }
  });

  it('answers a proxy challenge (407, Proxy-Authorization) the same way', async () => {
    const r = await probeSipRegister({
      target: `sip:127.0.0.1:${port}`,
      timeoutMs: 2000,
      username: 'via-proxy',
      password,
    });
    expect(r).toMatchObject({ outcome: 'up', code: 200 });
  });

  it('registers against a registrar that challenges with SHA-256 (RFC 8760)', async () => {
    const shaPort = await freePort();
    await startKamailio({ port: shaPort, password, digestAlgorithm: 'SHA-256' });
    const r = await probeSipRegister({
      target: `sip:127.0.0.1:${shaPort}`,
      timeoutMs: 2000,
      username: 'probe',
      password,
    });
    expect(r).toMatchObject({ outcome: 'up', code: 200 });
    const wrong = await probeSipRegister({
      target: `sip:127.0.0.1:${shaPort}`,
      timeoutMs: 2000,
      username: 'probe',
      password: 'x',
    });
    expect(wrong).toMatchObject({ outcome: 'down', code: 401 });
  });

  it('is down with a clear detail on a wrong password and on 403, and never echoes the password', async () => {
    const wrong = await probeSipRegister({
      target: `sip:127.0.0.1:${port}`,
      timeoutMs: 2000,
      username: 'probe',
      password: 'nope-secret',
    });
    expect(wrong).toMatchObject({
      outcome: 'down',
      code: 401,
      detail: 'credentials rejected (401 Unauthorized)',
    });
    const blocked = await probeSipRegister({
      target: `sip:127.0.0.1:${port}`,
      timeoutMs: 2000,
      username: 'blocked',
      password,
    });
    expect(blocked).toMatchObject({ outcome: 'down', code: 403, detail: 'unexpected 403 Forbidden' });
    expect(JSON.stringify([wrong, blocked])).not.toMatch(/nope-secret|lab-only/);
  });
});
