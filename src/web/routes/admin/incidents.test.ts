import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTemplate } from '#src/services/create-template.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { getIncident } from '#src/services/get-incident.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog, testContext } from '../../../../test/support/factories.ts';

type Fields = Record<string, string | string[]>;
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
const encode = (fields: Fields) =>
  new URLSearchParams(
    Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
  ).toString();
/** Page text with ghtml's escapes of = ' " & undone; < and > stay escaped, so markup that was
 * printed as text (a nesting mistake) cannot pass for markup. */
const text = (body: string) =>
  body.replace(/&#(61|39|34|38);/g, (_, n: string) => String.fromCharCode(Number(n)));
/** A field's value exactly as the user typed it. */
const typed = (value: string) => value.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
const inputValue = (body: string, name: string) =>
  typed(new RegExp(`name="${name.replace('.', '\\.')}"[^>]*value="([^"]*)"`).exec(body)?.[1] ?? '');
const textareaOf = (body: string, name: string) =>
  typed(new RegExp(`name="${name.replace('.', '\\.')}"[^>]*>([^<]*)</textarea>`).exec(body)?.[1] ?? '');
const selectedOf = (body: string, name: string) => {
  const select =
    new RegExp(`<select[^>]*name="${name.replace('.', '\\.')}"[^>]*>(.*?)</select>`).exec(body)?.[1] ?? '';
  return /<option value="([^"]*)" selected>/.exec(select)?.[1] ?? '';
};

describe('console incidents', () => {
  let t: TestApp;
  let staff: { cookie: string; csrf: string };
  const get = (url: string, cookie = staff.cookie) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, fields: Fields) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...formHeaders, cookie: staff.cookie },
      payload: encode({ _csrf: staff.csrf, ...fields }),
    });
  const declare = (fields: Fields = {}) =>
    post('/console/incidents', {
      title_de: 'Medienserver Cottbus gestört',
      title_en: 'Media server Cottbus disrupted',
      impact: '',
      status: 'investigating',
      visibility: 'public',
      message_de: 'Wir **untersuchen**.',
      message_en: 'We are *investigating*.',
      'component.media-cottbus': 'major_outage',
      'component.local-numbers': '',
      'component.fax': 'partial_outage',
      'component.sip-trunk': '',
      ...fields,
    });
  const idFrom = (location: string | undefined) => /\/console\/incidents\/([^?]+)/.exec(location ?? '')![1]!;
  const count = async (table: 'incidents' | 'incident_updates' | 'audit_log') =>
    (await t.store.db.selectFrom(table).select('id').execute()).length;

  beforeEach(async () => {
    t = await buildTestApp();
    await seedMiniCatalog(t.store);
    staff = await signedInStaff(t, 'operator');
  });
  afterEach(async () => t.close());

  it('declares with two components, redirects, and shows the incident', async () => {
    const res = await declare();
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/console\/incidents\/[0-9a-z]+\?notice=declared$/);
    const id = idFrom(res.headers.location);

    const page = await get(res.headers.location!);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const body = text(page.body);
    expect(body).toContain('Die Störung ist gemeldet.');
    expect(body).toContain('<h1>Medienserver Cottbus gestört</h1>');
    expect(body).toMatch(/media-cottbus <span class="badge status-major_outage">Schwerer Ausfall<\/span>/);
    expect(body).toMatch(/fax <span class="badge status-partial_outage">Teilweiser Ausfall<\/span>/);
    expect(body).toContain('<strong>untersuchen</strong>');
    expect(body).toContain('Kritisch'); // impact derived from the worst component

    const incident = await getIncident(t.store.db, id, { includeInternal: true });
    expect(incident.components).toHaveLength(2);
    expect(incident.components).toEqual(
      expect.arrayContaining([
        { componentId: 'media-cottbus', status: 'major_outage' },
        { componentId: 'fax', status: 'partial_outage' },
      ]),
    );
    expect(incident.impact).toBe('critical');
    expect(incident.updates[0]?.author).toMatch(/@example\.net$/);
  });

  it('refuses bad input with per-field errors, keeps the input, writes nothing', async () => {
    const res = await declare({
      title_de: '',
      title_en: '',
      'component.media-cottbus': '',
      'component.fax': '',
      message_de: 'Text bleibt <erhalten>',
      visibility: 'internal',
    });
    expect(res.statusCode).toBe(400);
    const body = text(res.body);
    expect(body).toContain('class="error-summary"');
    expect(body).toMatch(/Titel \(Deutsch\): Bitte mindestens eine Sprache ausfüllen\./);
    expect(body).toMatch(/id="f-title_de-error">Bitte mindestens eine Sprache ausfüllen\./);
    expect(body).toContain('Mindestens eine Komponente auswählen.');
    expect(textareaOf(res.body, 'message_de')).toBe('Text bleibt <erhalten>');
    expect(selectedOf(res.body, 'visibility')).toBe('internal');
    expect(await count('incidents')).toBe(0);
    expect(await count('audit_log')).toBe(0);
  });

  it('maps a bad component status onto that component’s own field', async () => {
    const res = await declare({ 'component.fax': 'operational', 'component.media-cottbus': 'major_outage' });
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toMatch(
      /id="f-component-fax-error">Status „operational“ passt nicht zu einer Störung\./,
    );
    expect(text(res.body)).toContain('<li>fax: Status „operational“');
    expect(selectedOf(res.body, 'component.media-cottbus')).toBe('major_outage');
    expect(await count('incidents')).toBe(0);
  });

  it('posts internal and public updates; internal ones are marked and stay off the public record', async () => {
    const id = idFrom((await declare()).headers.location);
    const internal = await post(`/console/incidents/${id}/updates`, {
      status: 'identified',
      visibility: 'internal',
      message_de: 'Netzteil im Rack 4 defekt, Techniker unterwegs.',
      message_en: '',
      impact: '',
    });
    expect(internal.statusCode).toBe(303);
    expect(internal.headers.location).toBe(`/console/incidents/${id}?notice=updated`);
    t.clock.advance(60_000);
    const pub = await post(`/console/incidents/${id}/updates`, {
      status: 'monitoring',
      visibility: 'public',
      message_de: 'Eine Korrektur ist eingespielt.',
      message_en: 'A fix has been applied.',
      impact: '',
    });
    expect(pub.statusCode).toBe(303);

    const page = text((await get(`/console/incidents/${id}`)).body);
    expect(page).toContain('Netzteil im Rack 4 defekt');
    const entries = page.split('<li class="timeline-entry').slice(1);
    const entryWith = (s: string) => entries.find((e) => e.includes(s)) ?? '';
    expect(entryWith('Netzteil')).toMatch(/^ internal">.*Intern – nicht öffentlich/);
    expect(entryWith('Eine Korrektur')).toMatch(/^">/);
    expect(entryWith('Eine Korrektur')).not.toContain('Intern – nicht öffentlich');
    // Our own markup arrives as markup, not as escaped text.
    const raw = (await get(`/console/incidents/${id}`)).body;
    expect(raw).toContain('<strong class="internal-marker">Intern – nicht öffentlich</strong>');
    expect(raw).toContain('<details class="other-language"><summary>Englische Fassung</summary>');

    const publicView = await getIncident(t.store.db, id, { includeInternal: false });
    expect(publicView.updates.map((u) => u.body.de)).toEqual([
      'Eine Korrektur ist eingespielt.',
      'Wir **untersuchen**.',
    ]);
    expect(publicView.status).toBe('monitoring');
  });

  it('changes component statuses only when asked to', async () => {
    const id = idFrom((await declare()).headers.location);
    const base = {
      status: 'identified',
      visibility: 'public',
      message_de: 'Stand',
      message_en: '',
      impact: '',
    };
    await post(`/console/incidents/${id}/updates`, {
      ...base,
      'component.fax': '',
      'component.sip-trunk': 'degraded_performance',
    });
    expect((await getIncident(t.store.db, id, { includeInternal: true })).components).toHaveLength(2);

    const res = await post(`/console/incidents/${id}/updates`, {
      ...base,
      change_components: '1',
      'component.media-cottbus': 'degraded_performance',
      'component.fax': '',
      impact: 'minor',
    });
    expect(res.statusCode).toBe(303);
    const after = await getIncident(t.store.db, id, { includeInternal: true });
    expect(after.components).toEqual([{ componentId: 'media-cottbus', status: 'degraded_performance' }]);
    expect(after.impact).toBe('minor');

    const none = await post(`/console/incidents/${id}/updates`, {
      ...base,
      change_components: '1',
      'component.media-cottbus': '',
    });
    expect(none.statusCode).toBe(400);
    expect(text(none.body)).toContain('Mindestens eine Komponente auswählen.');
    expect(none.body).toContain('<details class="change-components" open>');
    expect(none.body).toMatch(
      /<fieldset class="components has-error">.*<p class="error" role="alert">Mindestens eine Komponente/,
    );
  });

  it('resolves once; a second resolution shows the conflict, not an error page', async () => {
    const id = idFrom((await declare()).headers.location);
    const fields = {
      'resolve.message_de': 'Behoben.',
      'resolve.message_en': 'Resolved.',
      'resolve.visibility': 'public',
    };
    const first = await post(`/console/incidents/${id}/resolve`, fields);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/console/incidents/${id}?notice=resolved`);

    const second = await post(`/console/incidents/${id}/resolve`, {
      ...fields,
      'resolve.message_de': 'Mein zweiter Text',
    });
    expect(second.statusCode).toBe(409);
    const body = text(second.body);
    expect(body).toContain('Diese Störung wurde bereits am');
    expect(body).toContain('Ihre Meldung wurde nicht veröffentlicht.');
    expect(second.body).toContain(
      '<details><summary>Ihr nicht veröffentlichter Text</summary><pre>Mein zweiter Text</pre>',
    );
    expect(body).not.toContain(`action="/console/incidents/${id}/resolve"`);
    const resolves = await t.store.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'incident.resolve')
      .execute();
    expect(resolves).toHaveLength(1);

    const late = await post(`/console/incidents/${id}/updates`, {
      status: 'monitoring',
      visibility: 'public',
      message_de: 'zu spät',
      message_en: '',
      impact: '',
    });
    expect(late.statusCode).toBe(409);
    expect(await count('incident_updates')).toBe(2);
  });

  it('lets only one of two operators resolving at the same moment through', async () => {
    const id = idFrom((await declare()).headers.location);
    const fields = {
      'resolve.message_de': 'Behoben.',
      'resolve.message_en': '',
      'resolve.visibility': 'public',
    };
    const results = await Promise.all([
      post(`/console/incidents/${id}/resolve`, fields),
      post(`/console/incidents/${id}/resolve`, fields),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(text(loser.body)).toContain('Ihre Meldung wurde nicht veröffentlicht.');
    expect(await count('incident_updates')).toBe(2);
  });

  it('resolving with an empty message keeps the typed visibility and names the field', async () => {
    const id = idFrom((await declare()).headers.location);
    const res = await post(`/console/incidents/${id}/resolve`, {
      'resolve.message_de': ' ',
      'resolve.message_en': '',
      'resolve.visibility': 'internal',
    });
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toMatch(
      /id="f-resolve-message_de-error">Bitte mindestens eine Sprache ausfüllen\./,
    );
    expect(selectedOf(res.body, 'resolve.visibility')).toBe('internal');
    expect((await getIncident(t.store.db, id, { includeInternal: true })).resolvedAt).toBeNull();
  });

  describe('template picker', () => {
    const ctx = () => testContext(t.store, t.clock);

    it('prefills title, message and status, and keeps carried values', async () => {
      const { id } = await createTemplate({
        ctx: ctx(),
        input: {
          name: 'SIP-Trunk gestört',
          status: 'identified',
          title: { de: 'SIP-Trunk: Ausfall', en: 'SIP trunk: outage' },
          body: { de: 'Ursache gefunden.', en: 'Cause identified.' },
        },
      });
      const res = await get(
        `/console/incidents/new?template=${id}&component.sip-trunk=major_outage&visibility=internal`,
      );
      expect(res.statusCode).toBe(200);
      expect(inputValue(res.body, 'title_de')).toBe('SIP-Trunk: Ausfall');
      expect(inputValue(res.body, 'title_en')).toBe('SIP trunk: outage');
      expect(textareaOf(res.body, 'message_en')).toBe('Cause identified.');
      expect(selectedOf(res.body, 'status')).toBe('identified');
      expect(selectedOf(res.body, 'component.sip-trunk')).toBe('major_outage');
      expect(selectedOf(res.body, 'visibility')).toBe('internal');
      expect(selectedOf(res.body, 'template')).toBe(id);
      // The picker form carries what is already known, never the CSRF token.
      expect(res.body).toMatch(/<form method="get"[^>]*>.*name="component\.sip-trunk" value="major_outage"/);
      expect(res.body).not.toMatch(/<form method="get"[^>]*>(?:(?!<\/form>).)*_csrf/);
    });

    it('says so when the template is gone, and keeps the form usable', async () => {
      const res = await get('/console/incidents/new?template=nope');
      expect(res.statusCode).toBe(200);
      expect(text(res.body)).toContain('Die gewählte Vorlage gibt es nicht mehr.');
    });

    it('prefills the resolve form from a "resolved" template and the update form from others', async () => {
      const resolvedTpl = await createTemplate({
        ctx: ctx(),
        input: {
          name: 'Behoben',
          status: 'resolved',
          title: { de: '', en: '' },
          body: { de: 'Alles wieder gut.', en: 'All good again.' },
        },
      });
      const monitoring = await createTemplate({
        ctx: ctx(),
        input: {
          name: 'Beobachtung',
          status: 'monitoring',
          title: { de: '', en: '' },
          body: { de: 'Wir beobachten.', en: '' },
        },
      });
      const id = idFrom((await declare()).headers.location);
      const page = await get(`/console/incidents/${id}`);
      expect(textareaOf(page.body, 'resolve.message_de')).toBe('Alles wieder gut.');
      expect(textareaOf(page.body, 'message_de')).toBe('');

      const picked = await get(`/console/incidents/${id}?template=${monitoring.id}`);
      expect(textareaOf(picked.body, 'message_de')).toBe('Wir beobachten.');
      expect(selectedOf(picked.body, 'status')).toBe('monitoring');
      expect(resolvedTpl.id).toBeTruthy();
    });
  });

  it('lists open incidents first, then resolved ones with pages', async () => {
    const ctx = testContext(t.store, t.clock);
    const make = async (title: string) =>
      (
        await declareIncident({
          ctx,
          input: {
            title: { de: title, en: '' },
            components: [{ componentId: 'fax', status: 'degraded_performance' }],
            message: { de: 'm', en: '' },
          },
        })
      ).id;
    for (let i = 1; i <= 21; i++) {
      const id = await make(`Alt ${i}`);
      t.clock.advance(60_000);
      await resolveIncident({ ctx, input: { incidentId: id, message: { de: 'ok', en: '' } } });
    }
    await make('Offen <jetzt>');
    const page1 = text((await get('/console/incidents')).body);
    expect(page1.indexOf('Offen &#60;jetzt&#62;')).toBeGreaterThan(-1);
    expect(page1.indexOf('Offen &#60;jetzt&#62;')).toBeLessThan(page1.indexOf('Alt 21'));
    expect(page1).not.toContain('>Alt 1<');
    expect(page1).toContain('Seite 1 von 2');
    const page2 = text((await get('/console/incidents?page=2')).body);
    expect(page2).toContain('>Alt 1<');
    expect(page2).toContain('Offen'); // open incidents show on every page
    expect((await get('/console/incidents?page=x')).statusCode).toBe(200);
    // Titles are escaped, never markup.
    expect((await get('/console/incidents')).body).toContain('Offen &#60;jetzt&#62;');
  });

  it('speaks English when asked', async () => {
    const res = await get('/console/incidents/new?lang=en');
    expect(text(res.body)).toContain('<h1>Declare an incident</h1>');
    expect(text(res.body)).toContain('Not affected');
  });

  it('sends anonymous visitors to sign in and refuses forms without the CSRF token', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/console/incidents/new' });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/console/login?next=%2Fconsole%2Fincidents%2Fnew');
    const admin = await signedInStaff(t, 'admin');
    expect((await get('/console/incidents', admin.cookie)).statusCode).toBe(200);
    const forged = await t.app.inject({
      method: 'POST',
      url: '/console/incidents',
      headers: { ...formHeaders, cookie: staff.cookie },
      payload: encode({ title_de: 'x', message_de: 'x', 'component.fax': 'major_outage' }),
    });
    expect(forged.statusCode).toBe(403);
    expect(await count('incidents')).toBe(0);
    expect((await get('/console/incidents/unknown')).statusCode).toBe(404);
  });
});
