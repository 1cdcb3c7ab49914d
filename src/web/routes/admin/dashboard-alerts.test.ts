import { afterEach, beforeEach, expect, it } from 'vitest';
import { detectReportClusters } from '#src/services/detect-report-clusters.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../../../test/support/reports.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedReportCatalog(t.store);
});
afterEach(async () => t.close());

it('shows a possible outage from a cluster of reports on the dashboard', async () => {
  const staff = await signedInStaff(t);
  const quiet = await t.app.inject({ url: '/console', headers: { cookie: staff.cookie } });
  expect(quiet.body).not.toContain('report-alert');
  for (let i = 0; i < 5; i++) {
    t.clock.advance(60_000);
    await insertReport(t.store, { service_id: 'connect', created_at: t.clock().toISOString() });
  }
  await detectReportClusters({ ctx: testContext(t.store, t.clock) });
  const res = await t.app.inject({ url: '/console', headers: { cookie: staff.cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain('report-alert');
  expect(res.body).toContain('Dienst connect');
});
