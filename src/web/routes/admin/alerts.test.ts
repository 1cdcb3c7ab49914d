import { afterEach, beforeEach, expect, it } from 'vitest';
import { evaluateRule } from '#src/domain/detectors/evaluate.ts';
import { defaultParams } from '#src/domain/detectors/rules.ts';
import { clearAlert } from '#src/services/clear-alert.ts';
import { raiseAlert } from '#src/services/raise-alert.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog, testContext } from '../../../../test/support/factories.ts';
import { seeded, windowOf } from '../../../../test/support/telemetry-simulation.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedMiniCatalog(t.store);
});
afterEach(async () => t.close());

/** A 503 alert on sip-trunk with real evidence (a 30-min series) from synthetic traffic. */
async function raise503() {
  const now = t.clock().getTime();
  const rnd = seeded(1);
  const windows = Array.from({ length: 60 }, (_, i) => ({
    at: now - 600_000 + i * 10_000,
    counts: windowOf(40, i < 57 ? { 200: 9, 486: 1 } : { 200: 6, 503: 4 }, rnd),
  }));
  const rule = { id: 'default-503', kind: 'code-rate' as const, params: defaultParams('code-rate') };
  const e = evaluateRule(rule, { windows, hourly: [], now: now + 4_000 }, false);
  expect(e.decision).toBe('raise');
  return raiseAlert({
    ctx: testContext(t.store, t.clock),
    input: {
      componentId: 'sip-trunk',
      source: 'telemetry',
      ruleKey: 'telemetry:default-503:carrier-a',
      severity: 'critical',
      evidence: e.evidence,
      sourceName: { de: 'Carrier A', en: 'Carrier A' },
      peerId: 'carrier-a',
      timeZone: 'Europe/Berlin',
    },
  });
}

const post = (url: string, staff: { cookie: string; csrf: string }, fields: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: staff.csrf, ...fields }).toString(),
  });

it('lists firing alerts, shows the finding in words with a chart, and a dashboard banner', async () => {
  const staff = await signedInStaff(t);
  const anonymous = await t.app.inject({ url: '/console/alerts' });
  expect(anonymous.statusCode).not.toBe(200);
  const { id } = await raise503();
  const list = await t.app.inject({ url: '/console/alerts', headers: { cookie: staff.cookie } });
  expect(list.statusCode).toBe(200);
  expect(list.body).toContain(`href="/console/alerts/${id}"`);
  expect(list.body).toContain('Viele 503-Antworten von Carrier A');
  expect(list.body).toContain('Wartet auf Bestätigung');
  const page = await t.app.inject({ url: `/console/alerts/${id}`, headers: { cookie: staff.cookie } });
  expect(page.statusCode).toBe(200);
  expect(page.body).toMatch(/\d+ % Antworten 503 bei 120 Versuchen/);
  expect(page.body).toContain('<svg viewBox="0 0 640 200" role="img"');
  expect(page.body).toContain('Anteil 503 je 10 s');
  // Declare form prefilled from the finding, component status by severity.
  expect(page.body).toContain('value="Störung: sip-trunk"');
  expect(page.body).toContain('<option value="major_outage" selected>');
  const dash = await t.app.inject({ url: '/console', headers: { cookie: staff.cookie } });
  expect(dash.body).toContain('Alarme warten auf Entscheidung');
  const missing = await t.app.inject({ url: '/console/alerts/nope', headers: { cookie: staff.cookie } });
  expect(missing.statusCode).toBe(404);
});

it('declares with the operator’s text: refused input kept with errors, then once only', async () => {
  const staff = await signedInStaff(t);
  const { id } = await raise503();
  const bad = await post(`/console/alerts/${id}/declare`, staff, {
    title_de: '',
    title_en: '',
    message_de: 'Wir prüfen <b>das</b>.',
    message_en: '',
    componentStatus: 'exploded',
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain('Wir prüfen &#60;b&#62;das&#60;/b&#62;.');
  expect(bad.body).toContain('aria-invalid="true"');
  expect(await t.store.db.selectFrom('incidents').select('id').execute()).toEqual([]);
  const ok = await post(`/console/alerts/${id}/declare`, staff, {
    title_de: 'Störung SIP-Trunk',
    title_en: 'SIP trunk disruption',
    message_de: 'Wir prüfen.',
    message_en: 'Investigating.',
    componentStatus: 'partial_outage',
  });
  expect(ok.statusCode).toBe(303);
  expect(ok.headers.location).toBe(`/console/alerts/${id}?notice=declared`);
  const incidents = await t.store.db.selectFrom('incidents').select(['id', 'title_de']).execute();
  expect(incidents).toEqual([{ id: expect.any(String), title_de: 'Störung SIP-Trunk' }]);
  const page = await t.app.inject({ url: ok.headers.location as string, headers: { cookie: staff.cookie } });
  expect(page.body).toContain('Störung eröffnet.');
  expect(page.body).toContain(`href="/console/incidents/${incidents[0]!.id}"`);
  expect(page.body).not.toContain('/declare"');
  const again = await post(`/console/alerts/${id}/dismiss`, staff);
  expect(again.statusCode).toBe(409);
  expect(again.body).toContain('Über diesen Alarm wurde schon entschieden');
});

it('acknowledges once (banner gone) and dismisses; a form without the CSRF field is refused', async () => {
  const staff = await signedInStaff(t);
  const { id } = await raise503();
  const forged = await t.app.inject({
    method: 'POST',
    url: `/console/alerts/${id}/dismiss`,
    headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  });
  expect(forged.statusCode).toBe(403);
  expect((await post(`/console/alerts/${id}/acknowledge`, staff)).statusCode).toBe(303);
  expect((await post(`/console/alerts/${id}/acknowledge`, staff)).statusCode).toBe(409);
  const dash = await t.app.inject({ url: '/console', headers: { cookie: staff.cookie } });
  expect(dash.body).not.toContain('Alarme warten auf Entscheidung');
  expect((await post(`/console/alerts/${id}/dismiss`, staff)).statusCode).toBe(303);
  const audit = await t.store.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', id)
    .execute();
  expect(audit.map((a) => a.action).sort()).toEqual(['alert.acknowledge', 'alert.dismiss', 'alert.raise']);
});

it('proposes resolving an incident once its alerts ended; one click resolves it', async () => {
  const staff = await signedInStaff(t);
  await t.store.db
    .updateTable('components')
    .set({ alert_policy: 'auto' })
    .where('id', '=', 'sip-trunk')
    .execute();
  const { incidentId } = await raise503();
  expect(incidentId).not.toBeNull();
  const before = await t.app.inject({
    url: `/console/incidents/${incidentId}`,
    headers: { cookie: staff.cookie },
  });
  expect(before.body).not.toContain('proposal-heading');
  expect(before.body).toContain('Alarme dieser Störung');
  expect(before.body).toContain('Viele 503-Antworten von Carrier A');
  t.clock.advance(60_000);
  await clearAlert({
    ctx: testContext(t.store, t.clock),
    input: { ruleKey: 'telemetry:default-503:carrier-a' },
  });
  const page = await t.app.inject({
    url: `/console/incidents/${incidentId}`,
    headers: { cookie: staff.cookie },
  });
  expect(page.body).toContain('Die Überwachung misst wieder normale Werte');
  const form = /<form method="post" action="(\/console\/incidents\/[^"]+\/resolve)">(.*?)<\/form>/.exec(
    page.body,
  )!;
  const fields = Object.fromEntries(
    [...form[2]!.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const res = await post(form[1]!, staff, fields);
  expect(res.statusCode).toBe(303);
  const row = await t.store.db
    .selectFrom('incidents')
    .select('status')
    .where('id', '=', incidentId!)
    .executeTakeFirstOrThrow();
  expect(row.status).toBe('resolved');
  const after = await t.app.inject({
    url: `/console/incidents/${incidentId}`,
    headers: { cookie: staff.cookie },
  });
  expect(after.body).not.toContain('proposal-heading');
});
