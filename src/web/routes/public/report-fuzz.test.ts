/**
 * Property-style test of POST /report: 300 random and malformed bodies from a seeded PRNG (the
 * seed is printed on failure, so a failing body can be replayed). Whatever arrives, the answer is
 * never a 5xx, and a request that is not accepted stores nothing (no report, no audit row).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReportCatalog } from '#src/services/report-fixtures.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';

/** mulberry32: small, seeded, good enough to vary inputs. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const seed = 20261122;
const rand = prng(seed);
const int = (n: number) => Math.floor(rand() * n);
const oneOf = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;

const nasty = [
  '',
  ' ',
  '<script>alert(1)</script>',
  '"\'><img src=x>',
  '\u0000\u0001\u202e',
  '😀📞',
  'Ä'.repeat(300),
  'x'.repeat(6000),
  '0355 123456',
  '+49 (0) 355-123 456',
  '00',
  'a@b',
  'erika@muster.example',
  'maxmuster.example-cloud.com',
  'MAX.Example.com/',
  'null',
  '[]',
  '{}',
  '%00',
  '-1',
];
const services = ['connect', 'cloud', 'dsl', 'fax', 'other', 'nope', '', '__proto__', 'constructor'];
const fieldNames = [
  'company',
  'firstName',
  'lastName',
  'email',
  'phone',
  'reporterKind',
  'service',
  'serviceOther',
  'description',
  'consent',
  'symptom',
  'path',
  'identifiers.serverLicence',
  'identifiers.cloudName',
  'identifiers.dslOrderNumber',
  'identifiers.__proto__',
  'submissionKey',
  'website',
  'unknown',
];

function randomText(): string {
  if (rand() < 0.6) return oneOf(nasty);
  return Array.from({ length: int(40) }, () => String.fromCodePoint(int(0x2fff) + 1)).join('');
}

/** A plausible form with a few fields missing, replaced, repeated or added. */
function randomForm(csrf: string): URLSearchParams {
  const p = new URLSearchParams({
    _csrf: csrf,
    submissionKey: `fuzz${int(1e12)}abcdefghijklmnop`,
    service: oneOf(services),
    reporterKind: oneOf(['partner', 'customer', 'admin', '']),
    company: 'Muster GmbH',
    firstName: 'Erika',
    lastName: 'Muster',
    email: 'erika@muster.example',
    phone: '0355 123456',
    'identifiers.serverLicence': `SL-${int(1e9)}`,
    'identifiers.cloudName': `c${int(1e9)}.example-cloud.com`,
    description: 'Seit 9 Uhr keine Anrufe.',
    consent: oneOf(['yes', 'yes', 'no', '']),
  });
  for (let i = int(6); i > 0; i--) {
    const name = oneOf(fieldNames);
    const r = rand();
    if (r < 0.3) p.delete(name);
    else if (r < 0.7) p.set(name, randomText());
    else p.append(name, randomText()); // repeated keys arrive as arrays
  }
  if (rand() < 0.05) p.delete('_csrf');
  return p;
}

function randomRequest(csrf: string): { contentType: string; payload: string } {
  const r = rand();
  if (r < 0.8)
    return { contentType: 'application/x-www-form-urlencoded', payload: randomForm(csrf).toString() };
  if (r < 0.9) {
    const raw = oneOf(['%', '%E0%A4%A', '&&&=', '=x', 'a[b]=1&a[c]=2', '_csrf=&_csrf=', randomText()]);
    return { contentType: 'application/x-www-form-urlencoded', payload: `_csrf=${csrf}&${raw}` };
  }
  if (r < 0.95)
    return { contentType: 'application/json', payload: oneOf(['{', '[]', '{"service":"connect"}', 'null']) };
  return {
    contentType: oneOf(['text/plain', 'multipart/form-data; boundary=x', 'application/xml']),
    payload: randomText(),
  };
}

describe('POST /report with random input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedReportCatalog(t.store);
  });
  afterAll(async () => t.close());

  it(`never answers 5xx and stores nothing when it refuses (seed ${seed})`, async () => {
    const form = await t.app.inject({ method: 'GET', url: '/report?service=connect' });
    const cookie = String(form.headers['set-cookie']).split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const count = async () => ({
      reports: (await t.store.db.selectFrom('reports').select('id').execute()).length,
      audit: (await t.store.db.selectFrom('audit_log').select('id').execute()).length,
    });
    const outcomes = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const { contentType, payload } = randomRequest(csrf);
      const before = await count();
      const res = await t.app.inject({
        method: 'POST',
        url: '/report',
        remoteAddress: `10.0.${i >> 8}.${i & 255}`,
        headers: { cookie, 'content-type': contentType },
        payload,
      });
      const after = await count();
      outcomes.set(res.statusCode, (outcomes.get(res.statusCode) ?? 0) + 1);
      const context = `request ${i} (seed ${seed}): ${contentType} ${payload.slice(0, 300)}`;
      expect(res.statusCode, context).toBeLessThan(500);
      const filed = res.statusCode === 303 && String(res.headers.location).startsWith('/reports/');
      expect(after, context).toEqual(
        filed ? { reports: before.reports + 1, audit: before.audit + 1 } : before,
      );
    }
    // The generator must reach both sides, or the property says little.
    expect(outcomes.get(303) ?? 0).toBeGreaterThan(10);
    expect(outcomes.get(400) ?? 0).toBeGreaterThan(100);
  });
});
