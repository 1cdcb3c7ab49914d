import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { insertReport, seedReportCatalog } from '../../../../test/support/reports.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

describe('console reporter data', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedInStaff>>;

  beforeEach(async () => {
    t = await buildTestApp({ env: { DIALTONE_REPORT_RETENTION_DAYS: '90' } });
    await seedReportCatalog(t.store);
    admin = await signedInStaff(t, 'admin');
  });
  afterEach(async () => t.close());

  const post = (fields: Record<string, string>, who = admin, lang = 'de') =>
    t.app.inject({
      method: 'POST',
      url: `/console/reporter-data?lang=${lang}`,
      headers: { ...formHeaders, cookie: who.cookie },
      payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
    });
  const emails = async () =>
    (await t.store.db.selectFrom('reports').select('email').orderBy('id').execute()).map((r) => r.email);

  it('is for admins only', async () => {
    const op = await signedInStaff(t, 'operator');
    expect(
      (await t.app.inject({ url: '/console/reporter-data', headers: { cookie: op.cookie } })).statusCode,
    ).toBe(403);
    expect((await post({ email: 'erika@example.net', action: 'erase-confirmed' }, op)).statusCode).toBe(403);
  });

  it('states the configured retention period and refuses a bad address with the input kept', async () => {
    const page = await t.app.inject({ url: '/console/reporter-data', headers: { cookie: admin.cookie } });
    expect(page.body).toContain('90 Tage nach ihrem Abschluss');
    // The public form's consent states the same, configured period.
    const form = await t.app.inject({ url: '/report?service=connect', headers: { 'accept-language': 'en' } });
    expect(form.body).toContain('erased 90 days after the report is closed');
    const bad = await post({ email: 'not an address', action: 'find' }, admin, 'en');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Not a valid email address.');
    expect(bad.body).toContain('value="not an address"');
  });

  it('finds, exports and – after a confirmation – erases one reporter’s data', async () => {
    await insertReport(t.store, { email: 'Erika@example.net' });
    await insertReport(t.store, { email: 'max@example.net', first_name: 'Max' });
    const found = await post({ email: 'erika@example.net', action: 'find' });
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('1 Meldung(en) zu erika@example.net');
    expect(found.body).not.toContain('Max');

    const exported = await post({ email: 'erika@example.net', action: 'export' });
    expect(exported.headers['content-disposition']).toBe('attachment; filename="reporter-data.json"');
    const doc = JSON.parse(exported.body);
    expect(doc).toMatchObject({ format: 'dialtone.reporter-data/1', email: 'erika@example.net' });
    expect(doc.reports[0]).toMatchObject({ firstName: 'Erika', email: 'Erika@example.net' });

    const asked = await post({ email: 'erika@example.net', action: 'erase' });
    expect(asked.body).toContain('Daten von erika@example.net löschen?');
    expect(await emails()).toEqual(['Erika@example.net', 'max@example.net']);
    const erased = await post({ email: 'erika@example.net', action: 'erase-confirmed' });
    expect(erased.body).toContain('Personenbezogene Daten aus 1 Meldung(en) gelöscht.');
    expect(await emails()).toEqual(['', 'max@example.net']);
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['reporter.export', 'reporter.erase']);
    expect(JSON.stringify(audit).toLowerCase()).not.toContain('erika');
  });
});
