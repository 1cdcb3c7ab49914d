import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listIncidentClouds } from '#src/services/list-incident-clouds.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog } from '../../../../test/support/factories.ts';
import { insertReport, seedReportCatalog } from '../../../../test/support/reports.ts';

const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('console: clouds an incident names', () => {
  let t: TestApp;
  let staff: { cookie: string; csrf: string };
  const post = (url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: staff.cookie,
        'accept-language': 'en',
      },
      payload: encode({ _csrf: staff.csrf, ...fields }),
    });
  const declare = (clouds: string) =>
    post('/console/incidents', {
      title_de: 'Cloud gestört',
      title_en: 'Cloud down',
      impact: '',
      status: 'investigating',
      visibility: 'public',
      message_de: 'Wir prüfen.',
      message_en: 'Checking.',
      'component.media-cottbus': 'major_outage',
      clouds,
    });

  beforeEach(async () => {
    t = await buildTestApp();
    await seedMiniCatalog(t.store);
    staff = await signedInStaff(t, 'operator');
  });
  afterEach(async () => t.close());

  it('declares with clouds, one per line, and shows and changes them on the incident page', async () => {
    const res = await declare('https://A.example-cloud.com/\nb.example-cloud.com');
    expect(res.statusCode).toBe(303);
    const id = /\/console\/incidents\/([^?]+)/.exec(String(res.headers.location))![1]!;
    expect(await listIncidentClouds(t.store.db, id)).toEqual(['a.example-cloud.com', 'b.example-cloud.com']);
    const page = await t.app.inject({
      method: 'GET',
      url: `/console/incidents/${id}`,
      headers: { cookie: staff.cookie, 'accept-language': 'en' },
    });
    expect(page.body).toContain('<li>a.example-cloud.com</li>');
    const changed = await post(`/console/incidents/${id}/clouds`, { clouds: '' });
    expect(changed.headers.location).toBe(`/console/incidents/${id}?notice=clouds`);
    expect(await listIncidentClouds(t.store.db, id)).toEqual([]);
    const after = await t.app.inject({
      method: 'GET',
      url: String(changed.headers.location),
      headers: { cookie: staff.cookie, 'accept-language': 'en' },
    });
    expect(after.body).toContain('alle Clouds'); // the staff account's language is German
  });

  it('refuses a bad cloud name beside the field, keeping what was typed, and writes nothing', async () => {
    const bad = await declare('ok.example-cloud.com\nkein host');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="f-clouds-error"');
    expect(bad.body).toContain('kein host');
    expect(await t.store.db.selectFrom('incidents').select('id').execute()).toEqual([]);
    const res = await declare('');
    const id = /\/console\/incidents\/([^?]+)/.exec(String(res.headers.location))![1]!;
    const refused = await post(`/console/incidents/${id}/clouds`, { clouds: 'a.example-cloud.com, nope_' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('„nope_“ ist kein Cloud-Name');
    expect(await listIncidentClouds(t.store.db, id)).toEqual([]);
  });

  it('declares from a report with the clouds named, linking the report in the same step', async () => {
    await seedReportCatalog(t.store);
    const report = await insertReport(t.store, {
      service_id: 'cloud',
      identifiers: '{"cloudName":"a.example-cloud.com"}',
    });
    const bad = await post(`/console/reports/${report}/declare`, {
      title_de: 'x',
      message_de: 'y',
      clouds: 'kein host',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('„kein“ ist kein Cloud-Name');
    expect(await t.store.db.selectFrom('incidents').select('id').execute()).toEqual([]);
    const res = await post(`/console/reports/${report}/declare`, {
      title_de: 'Cloud A gestört',
      message_de: 'Wir prüfen.',
      componentStatus: 'major_outage',
      clouds: 'a.example-cloud.com',
    });
    expect(res.statusCode).toBe(303);
    const id = /\/console\/incidents\/([^?]+)/.exec(String(res.headers.location))![1]!;
    expect(await listIncidentClouds(t.store.db, id)).toEqual(['a.example-cloud.com']);
    const row = await t.store.db
      .selectFrom('reports')
      .select(['state', 'incident_id'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'linked', incident_id: id });
  });
});
