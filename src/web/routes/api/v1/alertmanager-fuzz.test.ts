import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiToken, buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedMiniCatalog } from '../../../../../test/support/factories.ts';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await buildTestApp();
  await seedMiniCatalog(t.store);
  operator = await apiToken(t, 'operator');
});
afterAll(() => t.close());

/** Alert-like objects with hostile edits: wrong types, huge or odd strings, unknown fields. */
const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
  fc.string({ maxLength: 5000 }),
);
const labels = fc.oneof(
  fc.record(
    {
      component: fc.oneof(fc.constantFrom('sip-trunk', 'fax', 'nowhere'), value),
      alertname: value,
      severity: fc.oneof(fc.constantFrom('critical', 'warning'), value),
    },
    { requiredKeys: [] },
  ),
  fc.dictionary(fc.string(), value, { maxKeys: 6 }),
);
const alert = fc.record(
  {
    status: fc.oneof(fc.constantFrom('firing', 'resolved'), fc.string()),
    labels: fc.oneof(labels, value),
    annotations: fc.oneof(labels, value),
    startsAt: fc.oneof(fc.constant('2026-11-20T09:58:00Z'), fc.string(), fc.integer()),
    fingerprint: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), value),
    extra: value,
  },
  { requiredKeys: [] },
);
/** Well-formed alerts with arbitrary texts, so that the accepting path is exercised as well. */
const goodAlert = fc.record({
  status: fc.constantFrom('firing', 'resolved'),
  labels: fc.record({ component: fc.constantFrom('sip-trunk', 'fax', 'nowhere'), alertname: fc.string() }),
  annotations: fc.record({ summary: fc.string({ maxLength: 300 }) }),
  fingerprint: fc.stringMatching(/^[0-9a-f]{16}$/),
});
const body = fc.oneof(
  fc.record({ version: fc.constant('4'), alerts: fc.array(goodAlert, { maxLength: 8 }) }),
  fc.record({ version: fc.constant('4'), alerts: fc.array(alert, { maxLength: 8 }) }),
  fc.record({ alerts: value }),
  fc.jsonValue(),
);

it('answers every payload with 200 or a 400 naming fields, never 5xx, and stores only valid alerts', async () => {
  await fc.assert(
    fc.asyncProperty(body, async (payload) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/alertmanager',
        headers: { authorization: operator, 'content-type': 'application/json' },
        payload: JSON.stringify(payload) ?? 'null',
      });
      expect([200, 400]).toContain(res.statusCode);
      if (res.statusCode === 400) expect(res.json().error.code).toBe('validation_failed');
    }),
    { numRuns: 150, seed: 4242 },
  );
  const stored = await t.store.db.selectFrom('alerts').select(['component_id', 'source']).execute();
  // Well-formed alerts on known components got through (the valid path was exercised too).
  expect(stored.length).toBeGreaterThan(0);
  for (const a of stored) expect(['sip-trunk', 'fax']).toContain(a.component_id);
});
