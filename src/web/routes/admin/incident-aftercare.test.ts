import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { seedDemoWithInventory } from '../../../../test/support/demo.ts';
import { testContext } from '../../../../test/support/factories.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
/** Page text with ghtml's escapes undone, for reading what a person sees. */
const text = (body: string) => body.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

describe('console: affected customers, restoration and announcement of an incident', () => {
  let t: TestApp;
  let staff: { cookie: string; csrf: string };
  let id = '';
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie, ...headers } });
  const post = (path: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/console/incidents/${id}/${path}`,
      headers: { ...formHeaders, cookie: staff.cookie },
      payload: new URLSearchParams({ _csrf: staff.csrf, ...fields }).toString(),
    });

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-11-22T13:05:00.000Z');
    await seedDemoWithInventory(t.store, t.clock);
    staff = await signedInStaff(t, 'operator');
    ({ id } = await declareIncident({
      ctx: testContext(t.store, t.clock),
      input: {
        title: { de: 'Telefonie Cottbus gestört', en: 'Calls in Cottbus failing' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir untersuchen.', en: 'We are investigating.' },
      },
    }));
  });
  afterAll(() => t.close());

  it('is linked from the incident and shows who is affected and what callers hear', async () => {
    expect((await get(`/console/incidents/${id}`)).body).toContain(
      `href="/console/incidents/${id}/aftercare"`,
    );
    const page = text((await get(`/console/incidents/${id}/aftercare`)).body);
    expect(page).toContain('1 Kunden mit 2 Rufnummern und Anschlüssen; erreichbar: 1');
    expect(page).toContain('Systemhaus Nord GmbH');
    expect(page).toContain('stoerung@systemhaus-nord.example');
    expect(page).toContain(
      'Wir haben derzeit eine Störung: Telefonie Cottbus gestört. Sie besteht seit 14:05 Uhr.',
    );
    expect((await get('/console/incidents/nope/aftercare')).statusCode).toBe(404);
  });

  it('refuses a list with numbers that are not affected, keeping the input, then marks restored', async () => {
    let r = await post('restoration', {
      scope: 'values',
      values: '+49 355 1234567\n+49 30 1234567 11',
      restored: '1',
    });
    expect(r.statusCode).toBe(400);
    const page = text(r.body);
    expect(page).toContain(
      '1 Einträge sind nicht von dieser Störung betroffen oder unbekannt: +49 30 1234567 11',
    );
    expect(page).toContain('+49 355 1234567\n+49 30 1234567 11</textarea>');
    r = await post('restoration', {
      scope: 'values',
      values: 'resource_value\n"+49 355 1234567"\n',
      restored: '1',
    });
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toBe(`/console/incidents/${id}/aftercare?notice=restored`);
    // The public pages show the progress once anything is restored, in the reader's language.
    const status = text((await t.app.inject({ method: 'GET', url: '/?lang=en' })).body);
    expect(status).toContain('1 of 2 affected numbers and lines restored (50 %)');
    const incident = text((await t.app.inject({ method: 'GET', url: `/incidents/${id}` })).body);
    expect(incident).toContain('1 von 2 betroffenen Rufnummern und Anschlüssen wiederhergestellt (50 %)');
    r = await post('restoration', { scope: 'component', componentId: 'fax-gateway', restored: '1' });
    expect(r.statusCode).toBe(303);
    expect(text((await get(`/console/incidents/${id}/aftercare`)).body)).toContain('2 von 2 betroffenen');
    r = await post('restoration', { scope: 'component', componentId: 'sip-trunk', restored: '1' });
    expect(r.statusCode).toBe(400);
    expect(text(r.body)).toContain('Die Komponente „sip-trunk“ ist von dieser Störung nicht betroffen.');
  });

  it("saves the operator's own announcement, refusing one that is too long with the text kept", async () => {
    const long = 'x'.repeat(1001);
    let r = await post('announcement', { announcement_de: long, announcement_en: '' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain(`${long}</textarea>`);
    r = await post('announcement', {
      announcement_de: 'Ein Bagger hat ein Kabel getroffen.',
      announcement_en: '',
    });
    expect(r.statusCode).toBe(303);
    const spoken = await t.app.inject({ method: 'GET', url: '/api/v1/announcement?service=fax' });
    expect(spoken.body).toBe(
      'Guten Tag. Ein Bagger hat ein Kabel getroffen. Sie müssen uns diese Störung nicht melden. Aktuelle Informationen finden Sie auf unserer Statusseite. Vielen Dank für Ihre Geduld.',
    );
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('incident.announcement_set');
  });

  it('writes to the affected customers once, with updates following when chosen', async () => {
    let r = await post('notify-affected', { follow: '1' });
    expect(r.statusCode).toBe(303);
    const page = text((await get(`/console/incidents/${id}/aftercare?notice=notified`)).body);
    expect(page).toContain('Nachrichten an die betroffenen Kunden sind in der Zustellung.');
    expect(page).toMatch(/Benachrichtigt am .*: 1 Nachrichten\. Weitere Meldungen folgen ihnen\./);
    r = await post('notify-affected', {});
    expect(text((await get(`/console/incidents/${id}/aftercare`)).body)).toContain(
      'Weitere Meldungen gehen nur an Abonnenten.',
    );
    const rows = await t.store.db
      .selectFrom('notifications')
      .select('recipient')
      .where('event', '=', 'incident.affected')
      .execute();
    expect(rows).toEqual([{ recipient: 'stoerung@systemhaus-nord.example' }]);
  });

  it('needs a signed-in operator and a CSRF token', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: `/console/incidents/${id}/aftercare` });
    expect(anonymous.statusCode).toBe(303);
    const forged = await t.app.inject({
      method: 'POST',
      url: `/console/incidents/${id}/restoration`,
      headers: { ...formHeaders, cookie: staff.cookie },
      payload: 'scope=all&restored=0',
    });
    expect(forged.statusCode).toBe(403);
  });
});
