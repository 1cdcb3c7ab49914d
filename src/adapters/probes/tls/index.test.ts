import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipOrFail } from '../../../../test/support/peers.ts';
import { probeTls } from './index.ts';

function opensslMissing(): string | null {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'openssl not found on PATH';
  }
}
const missing = opensslMissing();
const skip = missing ? skipOrFail('openssl', missing) : null;

describe.skipIf(skip !== null)('TLS probe against a real local server with a fresh certificate', () => {
  let dir = '';
  let server: Server;
  let port = 0;
  let cert = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dialtone-tls-'));
    // A self-signed certificate for localhost, valid 30 days from now.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '30',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore', timeout: 10_000 },
    );
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const base = () => ({
    host: '127.0.0.1',
    port,
    timeoutMs: 2000,
    serverName: 'localhost',
    minDaysLeft: 14,
    warnDaysLeft: 40,
  });

  it('reads the days left and warns under the warning threshold', async () => {
    const r = await probeTls({ ...base(), ca: cert });
    expect(r.outcome).toBe('up');
    expect(r.metrics?.certificateDaysLeft).toBeGreaterThanOrEqual(29);
    expect(r.metrics?.certificateDaysLeft).toBeLessThanOrEqual(30);
    expect(r.metrics?.certificateWarning).toBe(1);
    expect(r.detail).toMatch(/^(29|30) days left \(until \d{4}-\d{2}-\d{2}\)$/);
  });

  it('is down under the minimum and when the certificate is not trusted', async () => {
    const later = () => new Date(Date.now() + 20 * 86_400_000);
    expect((await probeTls({ ...base(), ca: cert, now: later })).outcome).toBe('down');
    const untrusted = await probeTls(base());
    expect(untrusted.outcome).toBe('down');
    expect(untrusted.detail).toMatch(/^certificate not trusted: /);
  });
});
