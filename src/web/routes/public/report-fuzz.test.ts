/**
 * Property-based tests of POST /report with fast-check: plausible forms with fields missing,
 * replaced by hostile values (markup, control characters, lone surrogates, 200 KB strings),
 * repeated, or added; raw url-encoded garbage; JSON bodies with values of every type; wrong
 * content types; bodies over the size limit. Whatever arrives, the answer is never a 5xx, and a
 * request that does not end on a follow page stores nothing (no report, no audit row, no
 * notification). A failure prints fast-check's seed and the shrunk request, so it can be replayed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReportCatalog } from '#src/services/report-fixtures.ts';
import { bodyLimit } from '#src/web/app.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';

const nasty = [
  '',
  ' ',
  '<script>alert(1)</script>',
  '"\'><img src=x>',
  '\u0000\u0001\u202e',
  '\ud800',
  '😀📞',
  'null',
  '[]',
  '%00',
  '-1',
  '0355 123456',
  '00',
  'a@b',
  'MAX.Example.com/',
];
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
  '__proto__',
  'unknown',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nasty) },
  { weight: 3, arbitrary: fc.string({ maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5_000, max: 200_000 }).map((n) => 'Ä'.repeat(n)) },
);

/** What to do to one field of an otherwise valid form. */
const edit = fc.record({
  op: fc.constantFrom('delete', 'set', 'append'),
  name: fc.constantFrom(...fieldNames),
  value: text,
});

type Req = { contentType: string; payload: (csrf: string, n: number) => string };

/** A valid form (unique identifiers and submission key per request), then the edits. */
const form: fc.Arbitrary<Req> = fc
  .record({
    service: fc.oneof(
      { weight: 4, arbitrary: fc.constant('connect') },
      { weight: 1, arbitrary: fc.constantFrom('cloud', 'dsl', 'fax', 'other', 'nope', '', 'constructor') },
    ),
    reporterKind: fc.oneof(
      // Partners sign in to report; on the anonymous form they are refused like any wrong kind.
      { weight: 3, arbitrary: fc.constant('customer') },
      { weight: 1, arbitrary: fc.constantFrom('partner', 'admin', '') },
    ),
    consent: fc.oneof({ weight: 3, arbitrary: fc.constant('yes') }, { weight: 1, arbitrary: text }),
    // A third of the forms stay as they are, so that the accepting side is reached often too.
    edits: fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 2, arbitrary: fc.array(edit, { maxLength: 5 }) },
    ),
    dropCsrf: fc.nat(9).map((x) => x === 0),
  })
  .map((f) => ({
    contentType: 'application/x-www-form-urlencoded',
    payload: (csrf, n) => {
      const p = new URLSearchParams({
        _csrf: csrf,
        submissionKey: `fuzzkey${n}abcdefghijklmnop`,
        service: f.service,
        reporterKind: f.reporterKind,
        company: 'Muster GmbH',
        firstName: 'Erika',
        lastName: 'Muster',
        email: 'erika@muster.example',
        phone: '0355 123456',
        'identifiers.serverLicence': `SL-${n}`,
        'identifiers.cloudName': `c${n}.example-cloud.com`,
        description: 'Seit 9 Uhr keine Anrufe.',
        consent: f.consent,
      });
      for (const e of f.edits) {
        if (e.op === 'delete') p.delete(e.name);
        else if (e.op === 'set') p.set(e.name, e.value);
        else p.append(e.name, e.value); // repeated keys arrive as arrays
      }
      if (f.dropCsrf) p.delete('_csrf');
      return p.toString();
    },
  }));

const rawUrlencoded: fc.Arbitrary<Req> = fc
  .oneof(fc.constantFrom('%', '%E0%A4%A', '&&&=', '=x', 'a[b]=1&a[c]=2', '_csrf=&_csrf='), fc.string())
  .map((raw) => ({
    contentType: 'application/x-www-form-urlencoded',
    payload: (csrf) => `_csrf=${csrf}&${raw}`,
  }));

/** JSON of any shape, usually with the CSRF token so that it reaches the handler. */
const json: fc.Arbitrary<Req> = fc
  .record({
    fields: fc.dictionary(fc.constantFrom(...fieldNames), fc.jsonValue({ maxDepth: 2 })),
    withCsrf: fc.boolean(),
    broken: fc.nat(4).map((x) => x === 0),
  })
  .map((j) => ({
    contentType: 'application/json',
    payload: (csrf) =>
      j.broken ? '{"service":' : JSON.stringify(j.withCsrf ? { ...j.fields, _csrf: csrf } : j.fields),
  }));

const wrongType: fc.Arbitrary<Req> = fc
  .record({
    contentType: fc.constantFrom('text/plain', 'multipart/form-data; boundary=x', 'application/xml', ''),
    body: fc.string({ maxLength: 200 }),
  })
  .map((w) => ({ contentType: w.contentType, payload: () => w.body }));

const oversized: Req = {
  contentType: 'application/x-www-form-urlencoded',
  payload: (csrf) => `_csrf=${csrf}&description=${'x'.repeat(bodyLimit + 10)}`,
};

const request = fc.oneof(
  { weight: 12, arbitrary: form },
  { weight: 2, arbitrary: rawUrlencoded },
  { weight: 2, arbitrary: json },
  { weight: 1, arbitrary: wrongType },
  { weight: 1, arbitrary: fc.constant(oversized) },
);

describe('POST /report with arbitrary input (fast-check)', () => {
  let t: TestApp;
  let cookie = '';
  let csrf = '';
  beforeAll(async () => {
    t = await buildTestApp();
    await seedReportCatalog(t.store);
    const page = await t.app.inject({ method: 'GET', url: '/report?service=connect' });
    cookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  });
  afterAll(async () => t.close());

  const count = async () => ({
    reports: (await t.store.db.selectFrom('reports').select('id').execute()).length,
    audit: (await t.store.db.selectFrom('audit_log').select('id').execute()).length,
    notifications: (await t.store.db.selectFrom('notifications').select('id').execute()).length,
  });

  it('never answers 5xx; a request that does not end on a follow page stores nothing', async () => {
    const outcomes = new Map<number, number>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        n++;
        const before = await count();
        const res = await t.app.inject({
          method: 'POST',
          url: '/report',
          // One client address per request: the per-address limits are tested in report.test.ts.
          remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          headers: { cookie, ...(req.contentType ? { 'content-type': req.contentType } : {}) },
          payload: req.payload(csrf, n),
        });
        const after = await count();
        outcomes.set(res.statusCode, (outcomes.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode).toBeLessThan(500);
        const ticket = /^\/reports\/([^?]+)\?token=/.exec(String(res.headers.location ?? ''))?.[1];
        if (res.statusCode === 303 && ticket) {
          // Filed (or the same submission again): the ticket exists exactly once.
          const rows = await t.store.db
            .selectFrom('reports')
            .select('id')
            .where('ticket', '=', ticket)
            .execute();
          expect(rows).toHaveLength(1);
          expect(after.reports - before.reports).toBeLessThanOrEqual(1);
        } else {
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 250 },
    );
    if (process.env.DIALTONE_FUZZ_OUTCOMES) console.log(Object.fromEntries(outcomes));
    // The generator must reach both sides, or the property says little.
    expect(outcomes.get(303) ?? 0).toBeGreaterThan(10);
    expect(outcomes.get(400) ?? 0).toBeGreaterThan(30);
  });
});
