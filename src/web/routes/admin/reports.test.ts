import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { getReport } from '#src/services/get-report.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../../../test/support/reports.ts';

type Fields = Record<string, string | string[]>;
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
const encode = (fields: Fields) =>
  new URLSearchParams(
    Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
  ).toString();
const typed = (value: string) => value.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

describe('console report inbox', () => {
  let t: TestApp;
  let staff: { userId: string; cookie: string; csrf: string };
  const get = (url: string, cookie = staff.cookie) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, fields: Fields, csrf = staff.csrf) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...formHeaders, cookie: staff.cookie },
      payload: encode({ _csrf: csrf, ...fields }),
    });
  const openIncident = async () =>
    (
      await declareIncident({
        ctx: testContext(t.store, t.clock),
        input: {
          title: { de: 'Trunk gestört', en: 'Trunk down' },
          components: [{ componentId: 'sip-trunk', status: 'major_outage' }],
          message: { de: 'Wir prüfen.', en: 'Checking.' },
        },
      })
    ).id;

  beforeEach(async () => {
    t = await buildTestApp();
    await seedReportCatalog(t.store);
    staff = await signedInStaff(t, 'operator', 'anna@example.net');
  });
  afterEach(async () => t.close());

  it('sends visitors without a session to sign in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/console/reports' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/console/login');
  });

  it('lists reports with filters and escapes what reporters typed', async () => {
    await insertReport(t.store, {
      description: '<script>alert(1)</script> kein Freizeichen',
      ticket: 'ST-2026-900001',
    });
    await insertReport(t.store, { service_id: 'cloud', ticket: 'ST-2026-900002' });
    const all = await get('/console/reports');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('ST-2026-900001');
    expect(all.body).toContain('ST-2026-900002');
    expect(all.body).not.toContain('<script>alert(1)');
    expect(all.body).toContain('aria-current="page"');
    const hotline = await get('/console/reports?queue=hotline');
    expect(hotline.body).toContain('ST-2026-900002');
    expect(hotline.body).not.toContain('ST-2026-900001');
    const en = await t.app.inject({
      method: 'GET',
      url: '/console/reports?state=closed',
      headers: { cookie: staff.cookie, 'accept-language': 'en' },
    });
    expect(en.body).not.toContain('ST-2026-9000');
  });

  it('runs the report page: assign to me, triage, comment, refuse an empty comment, close', async () => {
    const id = await insertReport(t.store, { description: 'Zeile 1\nZeile 2 <i>' });
    const page = await get(`/console/reports/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('DSL-123');
    expect(page.body).toContain('none_in');
    expect(page.body).toContain('name="_csrf"');

    expect((await post(`/console/reports/${id}/assign`, { assigneeId: staff.userId })).headers.location).toBe(
      `/console/reports/${id}?notice=assigned`,
    );
    expect((await post(`/console/reports/${id}/triage`, {})).statusCode).toBe(303);
    const empty = await post(`/console/reports/${id}/comments`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('aria-invalid="true"');
    expect(
      (await post(`/console/reports/${id}/comments`, { body: 'Rückruf <b>vereinbart</b>' })).statusCode,
    ).toBe(303);
    const bad = await post(`/console/reports/${id}/close`, { reason: 'weather', note: 'mein Text' });
    expect(bad.statusCode).toBe(400);
    expect(typed(bad.body)).toContain('mein Text');
    expect((await post(`/console/reports/${id}/close`, { reason: 'other_carrier' })).statusCode).toBe(303);
    const again = await post(`/console/reports/${id}/triage`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('role="alert"');
    expect(again.body).toContain('im Zustand „Geschlossen“');

    const report = await getReport(t.store.db, id);
    expect(report).toMatchObject({
      state: 'closed',
      closeReason: 'other_carrier',
      assignee: { id: staff.userId },
    });
    expect(report.comments.map((c) => c.body)).toEqual(['Rückruf <b>vereinbart</b>']);
    const shown = await get(`/console/reports/${id}`);
    expect(shown.body).toContain('Rückruf &#60;b&#62;vereinbart&#60;/b&#62;');
    expect(shown.body).toContain('Zeile 1<br>Zeile 2 &#60;i&#62;');
  });

  it('answers unknown reports and alerts with a 404 page, not a 5xx', async () => {
    expect((await get('/console/reports/nope')).statusCode).toBe(404);
    expect((await get('/console/reports/alerts/nope/declare')).statusCode).toBe(404);
    expect((await post('/console/reports/nope/triage', {})).statusCode).toBe(404);
  });

  it('refuses a form without the CSRF token and changes nothing', async () => {
    const id = await insertReport(t.store);
    const res = await post(`/console/reports/${id}/triage`, {}, 'wrong');
    expect(res.statusCode).toBe(403);
    expect((await getReport(t.store.db, id)).state).toBe('new');
  });

  it('links ticked reports in bulk, keeps the selection when no incident was chosen', async () => {
    const incidentId = await openIncident();
    const a = await insertReport(t.store);
    const b = await insertReport(t.store);
    const refused = await post('/console/reports/link', { reportIds: [a, b], incidentId: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(new RegExp(`value="${a}"[^>]* checked`));
    const ok = await post('/console/reports/link', { reportIds: [a, b], incidentId });
    expect(ok.headers.location).toBe('/console/reports?notice=linked');
    expect((await getReport(t.store.db, b)).incident?.id).toBe(incidentId);
  });

  it('declares from a report on its service components; closes all after resolving', async () => {
    const id = await insertReport(t.store, { service_id: 'cloud' });
    const missing = await post(`/console/reports/${id}/declare`, {
      title_de: '',
      title_en: '',
      message_de: 'x',
      message_en: '',
      componentStatus: 'major_outage',
    });
    expect(missing.statusCode).toBe(400);
    const res = await post(`/console/reports/${id}/declare`, {
      title_de: 'Cloud gestört',
      title_en: '',
      message_de: 'Wir prüfen.',
      message_en: '',
      componentStatus: 'major_outage',
    });
    expect(res.statusCode).toBe(303);
    const incidentId = /\/console\/incidents\/([^?]+)/.exec(res.headers.location ?? '')![1]!;
    expect((await getReport(t.store.db, id)).incident?.id).toBe(incidentId);
    const early = await post(`/console/reports/incident/${incidentId}/close`, {
      from: id,
      message: 'Behoben.',
    });
    expect(early.statusCode).toBe(409);
    await resolveIncident({
      ctx: testContext(t.store, t.clock),
      input: { incidentId, message: { de: 'Behoben.', en: 'Fixed.' } },
    });
    expect((await get(`/console/reports/${id}`)).body).toContain(
      `/console/reports/incident/${incidentId}/close`,
    );
    const done = await post(`/console/reports/incident/${incidentId}/close`, {
      from: id,
      message: 'Behoben.',
    });
    expect(done.statusCode).toBe(303);
    expect((await getReport(t.store.db, id)).closeReason).toBe('resolved');
  });

  it('shows a possible-outage banner for a cluster and declares from it with one form', async () => {
    for (let i = 0; i < 5; i++) {
      await insertReport(t.store, { created_at: new Date(t.clock().getTime() - i * 60_000).toISOString() });
    }
    const inbox = await get('/console/reports');
    const alertId = /\/console\/reports\/alerts\/([^/]+)\/declare/.exec(inbox.body)?.[1];
    expect(alertId).toBeDefined();
    const form = await get(`/console/reports/alerts/${alertId}/declare`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('sip-trunk');
    const res = await post(`/console/reports/alerts/${alertId}/declare`, {
      title_de: 'Mögliche Störung Trunk',
      title_en: '',
      message_de: 'Wir prüfen.',
      message_en: '',
      componentStatus: 'partial_outage',
    });
    expect(res.statusCode).toBe(303);
    const linked = await t.store.db
      .selectFrom('reports')
      .select('state')
      .where('state', '=', 'linked')
      .execute();
    expect(linked).toHaveLength(5);
    expect((await get('/console/reports')).body).not.toContain('/declare"');
  });

  it('dismisses a banner once; a second dismiss says it was handled', async () => {
    for (let i = 0; i < 5; i++) await insertReport(t.store);
    const inbox = await get('/console/reports');
    const alertId = /\/console\/reports\/alerts\/([^/]+)\/handle/.exec(inbox.body)?.[1];
    expect((await post(`/console/reports/alerts/${alertId}/handle`, { action: 'dismiss' })).statusCode).toBe(
      303,
    );
    const again = await post(`/console/reports/alerts/${alertId}/handle`, { action: 'dismiss' });
    expect(again.statusCode).toBe(409);
  });
});
