import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { seedReportCatalog } from '#src/services/report-fixtures.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedReportCatalog(t.store);
});
afterEach(async () => t.close());

/** Opens the form like a browser: the CSRF cookie, its token and the form's submission key. */
async function openForm(query = '?service=connect', lang = 'de') {
  const res = await t.app.inject({
    method: 'GET',
    url: `/report${query}`,
    headers: { 'accept-language': lang },
  });
  expect(res.statusCode).toBe(200);
  const cookie = String(res.headers['set-cookie']).split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  const key = /name="submissionKey" value="([^"]+)"/.exec(res.body)?.[1] ?? '';
  return { res, cookie, csrf, key };
}

const validFields = {
  service: 'connect',
  reporterKind: 'customer',
  company: 'Muster GmbH',
  firstName: 'Erika',
  lastName: 'Muster',
  email: 'erika@muster.example',
  phone: '0355 123456',
  'identifiers.serverLicence': 'SL-4711',
  description: 'Seit 9 Uhr keine eingehenden Anrufe.',
  consent: 'yes',
};

async function post(fields: Record<string, string>, o: { lang?: string; address?: string } = {}) {
  const form = await openForm();
  return t.app.inject({
    method: 'POST',
    url: '/report',
    remoteAddress: o.address ?? '127.0.0.1',
    headers: {
      cookie: form.cookie,
      'content-type': 'application/x-www-form-urlencoded',
      'accept-language': o.lang ?? 'de',
    },
    payload: new URLSearchParams({ _csrf: form.csrf, submissionKey: form.key, ...fields }).toString(),
  });
}

const reportCount = async () => (await t.store.db.selectFrom('reports').select('id').execute()).length;

describe('report form', () => {
  it("offers the services, then the chosen service's fields with honeypot, key, CSRF and consent", async () => {
    const chooser = await openForm('', 'en');
    expect(chooser.res.body).toContain('value="cloud"');
    expect(chooser.res.body).toContain('partners only');
    const { res } = await openForm('?service=dsl&symptom=no-internet&path=led:off', 'en');
    expect(res.body).toContain('name="identifiers.serverLicence"');
    expect(res.body).toContain('name="identifiers.dslOrderNumber"');
    expect(res.body).toContain('name="website"');
    expect(res.body).toContain('name="path" value="led:off"');
    expect(res.body).toContain('erased 180 days after the report is closed');
    expect(res.body).toMatch(/name="submissionKey" value="[\w-]{43}"/);
  });

  it('files a report and leads to the follow page; only the right token opens it', async () => {
    const res = await post(validFields);
    expect(res.statusCode).toBe(303);
    const location = String(res.headers.location);
    expect(location).toMatch(/^\/reports\/ST-2026-000001\?token=[\w-]+$/);
    const page = await t.app.inject({ method: 'GET', url: location, headers: { 'accept-language': 'en' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ST-2026-000001');
    expect(page.body).toContain('Erika Muster');
    expect(page.body).not.toContain('erika@muster.example');
    expect(page.body).not.toContain('+49355123456');
    expect(page.headers['cache-control']).toBe('private, no-store');
    for (const url of [
      '/reports/ST-2026-000001',
      '/reports/ST-2026-000001?token=wrong',
      '/reports/nope?token=x',
    ]) {
      const denied = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(denied.statusCode).toBe(404);
      expect(denied.body).toContain('This report does not exist');
    }
  });

  it('lets an end customer report connect but not cloud', async () => {
    const cloud = await post(
      { ...validFields, service: 'cloud', 'identifiers.cloudName': 'a.example-cloud.com' },
      { lang: 'en' },
    );
    expect(cloud.statusCode).toBe(400);
    expect(cloud.body).toContain('Only partners can report outages of this service');
    expect(await reportCount()).toBe(0);
    // Saying "partner" on the anonymous form unlocks nothing: partners sign in (partner.test.ts).
    const asPartner = await post(
      {
        ...validFields,
        service: 'cloud',
        reporterKind: 'partner',
        'identifiers.cloudName': 'a.example-cloud.com',
      },
      { lang: 'en' },
    );
    expect(asPartner.statusCode).toBe(400);
    expect(asPartner.body).toContain('As a partner, please sign in first');
    expect(await reportCount()).toBe(0);
  });

  it("shows every field error in the reader's language and keeps what was typed", async () => {
    const res = await post(
      {
        service: 'dsl',
        company: 'Muster <GmbH>',
        email: 'kaputt',
        phone: '123',
        description: 'kurz',
        reporterKind: 'x',
      },
      { lang: 'en' },
    );
    expect(res.statusCode).toBe(400);
    const fields = [...res.body.matchAll(/<p class="error" id="f-([\w-]+)-error">/g)].map((m) => m[1]);
    expect(fields).toEqual([
      'firstName',
      'lastName',
      'email',
      'phone',
      'identifiers-serverLicence',
      'identifiers-dslOrderNumber',
      'description',
      'consent',
    ]);
    for (const text of [
      'Please fill in at least one of these.',
      'At least 10 characters.',
      'Not a valid email address.',
      'Not a valid phone number',
      'Please choose partner or end customer.',
      'Without your consent',
      'Required.',
    ]) {
      expect(res.body).toContain(text);
    }
    expect(res.body).toContain('value="Muster &#60;GmbH&#62;"');
    expect(res.body).toContain('value="kaputt"');
    expect(res.body).toContain('>kurz</textarea>');
    expect(await reportCount()).toBe(0);
    const de = await post({ ...validFields, consent: '' });
    expect(de.body).toContain('Ohne Ihr Einverständnis');
  });

  it('files a double submit once and sends both to the same follow page', async () => {
    const form = await openForm();
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/report',
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: form.csrf,
          submissionKey: form.key,
          ...validFields,
        }).toString(),
      });
    const [a, b] = await Promise.all([send(), send()]);
    expect(a.headers.location).toBe(b.headers.location);
    expect(await reportCount()).toBe(1);
  });

  it('pretends success to a filled honeypot and stores nothing', async () => {
    const res = await post({ ...validFields, website: 'http://spam.example' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/report/sent');
    expect(await reportCount()).toBe(0);
    const sent = await t.app.inject({ method: 'GET', url: '/report/sent' });
    expect(sent.body).toContain('Meldung eingegangen');
  });

  it('refuses a form without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/report',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(validFields).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(await reportCount()).toBe(0);
  });

  it("limits reports per address with a 429 page in the reader's language", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await post(
        { ...validFields, 'identifiers.serverLicence': `SL-${i}` },
        { lang: 'en', address: '203.0.113.7' },
      );
      codes.push(res.statusCode);
      if (i === 5) {
        expect(res.body).toContain('Too many reports');
        expect(res.body).toContain('try again in 10 minutes');
      }
    }
    expect(codes).toEqual([303, 303, 303, 303, 303, 429]);
    expect(await reportCount()).toBe(5);
    // Another address is not affected, and the window passes.
    expect((await post(validFields, { address: '203.0.113.8' })).statusCode).toBe(303);
    t.clock.advance(10 * 60_000 + 1);
    const later = await post(
      { ...validFields, 'identifiers.serverLicence': 'SL-later' },
      { address: '203.0.113.7' },
    );
    expect(later.statusCode).toBe(303);
  });

  it('does not count corrections of a form against the address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 8; i++)
      codes.push((await post({ ...validFields, email: 'x' }, { address: '192.0.2.1' })).statusCode);
    codes.push((await post(validFields, { address: '192.0.2.1' })).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 303]);
  });

  it('limits reports per identifier', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await post(validFields, { address: `198.51.100.${i}`, lang: 'en' })).statusCode);
    expect(codes).toEqual([303, 303, 303, 429]);
    const page = await post(validFields, { address: '198.51.100.9', lang: 'en' });
    expect(page.body).toContain(
      'Several outages have already been reported for this line in the last 60 minutes.',
    );
    expect(page.headers['retry-after']).toBe('3600');
    expect(await reportCount()).toBe(3);
  });

  it('links a report to an open incident and shows its public updates on the follow page', async () => {
    await declareIncident({
      ctx: testContext(t.store, t.clock),
      input: {
        title: { de: 'SIP-Trunks gestört', en: 'SIP trunks down' },
        components: [{ componentId: 'sip-trunk', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'We are looking into it.' },
      },
    });
    const res = await post(validFields, { lang: 'en' });
    const page = await t.app.inject({
      method: 'GET',
      url: String(res.headers.location),
      headers: { 'accept-language': 'en' },
    });
    expect(page.body).toContain('Linked to a known incident');
    expect(page.body).toContain('SIP trunks down');
    expect(page.body).toContain('We are looking into it.');
  });

  it('stores the self-check path as the reporter saw it', async () => {
    const fields = { ...validFields, service: 'dsl', 'identifiers.dslOrderNumber': 'D-1' };
    await post({ ...fields, symptom: 'dsl-no-internet', path: '1.2' }, { lang: 'en' });
    await post({ ...fields, symptom: 'dsl-no-internet', path: '7.7', 'identifiers.dslOrderNumber': 'D-2' });
    await post({ ...fields, symptom: 'own', path: 'led:on,<x>:y', 'identifiers.dslOrderNumber': 'D-3' });
    const rows = await t.store.db.selectFrom('reports').select('triage_path').orderBy('ticket').execute();
    expect(rows.map((r) => JSON.parse(r.triage_path))).toEqual([
      [
        { node: 'symptom', answer: 'dsl-no-internet' },
        { node: 'led', answer: 'No, it blinks or is off' },
        { node: 'restart', answer: 'Nothing' },
        { node: 'outcome', answer: 'report' },
      ],
      [{ node: 'symptom', answer: 'dsl-no-internet' }],
      [
        { node: 'symptom', answer: 'own' },
        { node: 'led', answer: 'on' },
      ],
    ]);
  });
});
