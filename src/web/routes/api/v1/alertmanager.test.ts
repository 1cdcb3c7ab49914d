import { afterEach, beforeEach, expect, it } from 'vitest';
import { apiToken, buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedMiniCatalog } from '../../../../../test/support/factories.ts';

let t: TestApp;
let operator: string;
beforeEach(async () => {
  t = await buildTestApp();
  await seedMiniCatalog(t.store);
  operator = await apiToken(t, 'operator');
});
afterEach(() => t.close());

const send = (payload: unknown, authorization = operator) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/alertmanager',
    headers: { authorization, 'accept-language': 'en', 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });

const alert = (status: string, labels: Record<string, string>, fingerprint?: string) => ({
  status,
  labels,
  annotations: { summary: 'SBC Frankfurt unreachable', description: 'No answer to ICMP for 2 min.' },
  startsAt: '2026-11-20T09:58:00Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus.example.net/graph',
  ...(fingerprint ? { fingerprint } : {}),
});

/** Alertmanager's v4 envelope, with the fields dialtone ignores. */
const payload = (alerts: unknown[]) => ({
  version: '4',
  groupKey: '{}:{alertname="SbcDown"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'dialtone',
  groupLabels: { alertname: 'SbcDown' },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager.example.net',
  alerts,
});

it('raises, refreshes and clears alerts by fingerprint, mapped to components by label', async () => {
  const firing = alert(
    'firing',
    { alertname: 'SbcDown', component: 'sip-trunk', severity: 'critical' },
    'fp1',
  );
  const first = await send(
    payload([
      firing,
      alert('firing', { alertname: 'X', component: 'nowhere' }),
      alert('firing', { alertname: 'Y' }),
    ]),
  );
  expect(first.statusCode).toBe(200);
  expect(first.json()).toEqual({
    received: 3,
    raised: 1,
    refreshed: 0,
    cleared: 0,
    unknown: { count: 2, components: ['nowhere', '(component?)'] },
  });
  const row = await t.store.db.selectFrom('alerts').selectAll().executeTakeFirstOrThrow();
  expect(row).toMatchObject({
    component_id: 'sip-trunk',
    source: 'alertmanager',
    rule_key: 'alertmanager:fp1',
    severity: 'critical',
    title_en: 'SBC Frankfurt unreachable',
    state: 'firing',
  });
  expect((await send(payload([firing]))).json()).toMatchObject({ raised: 0, refreshed: 1 });
  expect((await send(payload([{ ...firing, status: 'resolved' }]))).json()).toMatchObject({ cleared: 1 });
  const after = await t.store.db.selectFrom('alerts').select('state').execute();
  expect(after).toEqual([{ state: 'resolved' }]);
});

it('keys alerts without a fingerprint by their labels', async () => {
  const a = alert('firing', { alertname: 'Disk', component: 'fax', severity: 'warning' });
  expect((await send(payload([a]))).json()).toMatchObject({ raised: 1 });
  expect(
    (
      await send(payload([{ ...a, labels: { severity: 'warning', component: 'fax', alertname: 'Disk' } }]))
    ).json(),
  ).toMatchObject({ raised: 0, refreshed: 1 });
  const row = await t.store.db
    .selectFrom('alerts')
    .select(['rule_key', 'severity'])
    .executeTakeFirstOrThrow();
  expect(row.rule_key).toMatch(/^alertmanager:[0-9a-f]{16}$/);
  expect(row.severity).toBe('warning');
});

it('needs an operator token and refuses a malformed payload per field, storing nothing', async () => {
  expect((await send(payload([]), '')).statusCode).toBe(401);
  const bad = await send(payload([{ ...alert('exploding', { component: 'fax' }) }]));
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.fields).toEqual([
    { path: 'alerts[0].status', message: 'Invalid value "exploding". Allowed: firing, resolved.' },
  ]);
  expect((await send({ alerts: 'many' })).statusCode).toBe(400);
  expect(await t.store.db.selectFrom('alerts').select('id').execute()).toEqual([]);
});

it('lists firing and recent alerts with their evidence for an operator token', async () => {
  await send(payload([alert('firing', { alertname: 'SbcDown', component: 'sip-trunk' }, 'fp9')]));
  const res = await t.app.inject({ url: '/api/v1/alerts', headers: { authorization: operator } });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({
    firing: [
      {
        component_id: 'sip-trunk',
        rule_key: 'alertmanager:fp9',
        state: 'firing',
        decision: 'pending',
        evidence: { kind: 'alertmanager', alertname: 'SbcDown' },
      },
    ],
    recent: [],
  });
  expect((await t.app.inject({ url: '/api/v1/alerts' })).statusCode).toBe(401);
});
