import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTemplate } from '#src/services/create-template.ts';
import { getStatusSnapshot } from '#src/services/get-status-snapshot.ts';
import { loadMaintenanceViews } from '#src/services/load-maintenance-views.ts';
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
  typed(new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(body)?.[1] ?? '');
/** The values of the move buttons on a maintenance page. */
const buttons = (body: string) =>
  [...body.matchAll(/<button type="submit" name="status" value="(\w+)"/g)].map((m) => m[1]);

describe('console maintenance', () => {
  let t: TestApp;
  let staff: { cookie: string; csrf: string };
  const get = (url: string, cookie = staff.cookie) =>
    t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, fields: Fields, zone = 'Europe/Berlin') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...formHeaders, cookie: `${staff.cookie}; dt_tz=${zone}` },
      payload: encode({ _csrf: staff.csrf, ...fields }),
    });
  const schedule = (fields: Fields = {}, zone?: string) =>
    post(
      '/console/maintenance',
      {
        title_de: 'Tausch der Session-Border-Controller',
        title_en: '',
        message_de: 'Kurze Unterbrechungen möglich.',
        message_en: 'Short interruptions possible.',
        componentIds: ['sip-trunk', 'fax'],
        scheduled_start: '2026-03-28T22:00',
        scheduled_end: '2026-03-29T04:00',
        ...fields,
      },
      zone,
    );
  const idFrom = (location: string | undefined) =>
    /\/console\/maintenance\/([^?]+)/.exec(location ?? '')![1]!;
  const view = async (id: string) => (await loadMaintenanceViews(t.store.db, [id]))[0]!;
  const count = async () => (await t.store.db.selectFrom('maintenances').select('id').execute()).length;

  beforeEach(async () => {
    t = await buildTestApp();
    t.clock.set('2026-03-01T09:00:00.000Z');
    await seedMiniCatalog(t.store);
    staff = await signedInStaff(t, 'operator');
  });
  afterEach(async () => t.close());

  it('schedules a window across the spring DST change in the viewer’s zone', async () => {
    const res = await schedule();
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/\?notice=scheduled$/);
    const m = await view(idFrom(res.headers.location));
    // 22:00 CET (UTC+1) to 04:00 CEST (UTC+2): five hours, not six.
    expect(m.scheduledStart).toBe('2026-03-28T21:00:00.000Z');
    expect(m.scheduledEnd).toBe('2026-03-29T02:00:00.000Z');
    expect(m.componentIds.sort()).toEqual(['fax', 'sip-trunk']);
    expect(m.status).toBe('scheduled');

    const page = text((await get(res.headers.location!)).body);
    expect(page).toContain('Die Wartung ist geplant.');
    expect(page).toContain('<h1>Tausch der Session-Border-Controller</h1>');
    expect(page).toMatch(/28\. März 2026, 22:00 MEZ – 29\. März 2026, 04:00 MESZ/);
  });

  it('reads the same wall-clock times in another viewer’s zone', async () => {
    const res = await schedule(
      { scheduled_start: '2026-03-28T22:00', scheduled_end: '2026-03-29T04:00' },
      'America/New_York',
    );
    const m = await view(idFrom(res.headers.location));
    expect(m.scheduledStart).toBe('2026-03-29T02:00:00.000Z');
    expect(m.scheduledEnd).toBe('2026-03-29T08:00:00.000Z');
  });

  it('refuses a time the clock change skips, naming the field', async () => {
    const res = await schedule({ scheduled_start: '2026-03-29T02:30' });
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toMatch(
      /id="f-scheduled_start-error">Diese Uhrzeit gibt es wegen der Umstellung auf Sommerzeit nicht \(Europe\/Berlin\)/,
    );
    expect(inputValue(res.body, 'scheduled_start')).toBe('2026-03-29T02:30');
    expect(await count()).toBe(0);
  });

  it('refuses bad input per field with the input kept and nothing written', async () => {
    const res = await schedule({
      title_de: '',
      componentIds: [],
      scheduled_start: '2026-04-02T23:00',
      scheduled_end: '2026-04-02T22:00',
      message_de: 'bleibt',
    });
    expect(res.statusCode).toBe(400);
    const body = text(res.body);
    expect(body).toMatch(/id="f-title_de-error">Bitte mindestens eine Sprache ausfüllen\./);
    expect(body).toMatch(/id="f-scheduled_end-error">Das Ende muss nach dem Beginn liegen\./);
    expect(res.body).toContain(
      '<fieldset id="f-componentIds" class="components has-error"><legend>Betroffene Komponenten</legend><p class="error" role="alert">Mindestens eine Komponente auswählen.</p>',
    );
    // The summary follows the page: title, components, start/end, message.
    expect(body.indexOf('<li>Titel (Deutsch)')).toBeLessThan(body.indexOf('<li>Betroffene Komponenten'));
    expect(body.indexOf('<li>Betroffene Komponenten')).toBeLessThan(body.indexOf('<li>Ende'));
    expect(inputValue(res.body, 'scheduled_start')).toBe('2026-04-02T23:00');
    expect(body).toContain('>bleibt</textarea>');
    expect(await count()).toBe(0);

    const empty = await schedule({ scheduled_start: '', scheduled_end: 'morgen' });
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toMatch(/id="f-scheduled_start-error">Pflichtfeld\./);
    expect(text(empty.body)).toMatch(/id="f-scheduled_end-error">Ungültiges Datum\./);
    const unknown = await schedule({ componentIds: ['fax', 'gone'] });
    expect(unknown.statusCode).toBe(400);
    expect(text(unknown.body)).toContain('Unbekannte Komponente „gone“.');
    expect(await count()).toBe(0);
  });

  it('offers only the allowed moves and walks a window through them', async () => {
    const id = idFrom((await schedule()).headers.location);
    expect(buttons((await get(`/console/maintenance/${id}`)).body)).toEqual([
      'in_progress',
      'completed',
      'cancelled',
    ]);

    const start = await post(`/console/maintenance/${id}/transition`, {
      from: 'scheduled',
      status: 'in_progress',
      message_de: 'Wir beginnen.',
      message_en: '',
    });
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe(`/console/maintenance/${id}?notice=in_progress`);
    const running = text((await get(start.headers.location!)).body);
    expect(running).toContain('Die Wartung hat begonnen.');
    expect(running).toContain('Wir beginnen.');
    expect(buttons(running)).toEqual(['verifying', 'completed']);
    const snap = await getStatusSnapshot(t.store.db, t.clock());
    expect(snap.statuses.get('sip-trunk')?.status).toBe('under_maintenance');

    await post(`/console/maintenance/${id}/transition`, {
      from: 'in_progress',
      status: 'verifying',
      message_de: '',
      message_en: '',
    });
    const verifying = (await get(`/console/maintenance/${id}`)).body;
    expect(buttons(verifying)).toEqual(['in_progress', 'completed']);
    expect(text(verifying)).toContain('>Arbeiten fortsetzen</button>');

    const done = await post(`/console/maintenance/${id}/transition`, {
      from: 'verifying',
      status: 'completed',
      message_de: 'Abgeschlossen.',
      message_en: 'Completed.',
    });
    expect(done.statusCode).toBe(303);
    const page = text((await get(`/console/maintenance/${id}`)).body);
    expect(buttons(page)).toEqual([]);
    expect(page).toContain('Diese Wartung ist beendet');
    expect((await view(id)).status).toBe('completed');
  });

  it('answers 409 with the current state when the window moved meanwhile', async () => {
    const id = idFrom((await schedule()).headers.location);
    await post(`/console/maintenance/${id}/transition`, {
      from: 'scheduled',
      status: 'cancelled',
      message_de: '',
      message_en: '',
    });
    const stale = await post(`/console/maintenance/${id}/transition`, {
      from: 'scheduled',
      status: 'in_progress',
      message_de: 'Mein Text',
      message_en: '',
    });
    expect(stale.statusCode).toBe(409);
    const body = text(stale.body);
    expect(body).toContain('Die Wartung wurde inzwischen geändert und ist jetzt „Abgesagt“.');
    expect((await view(id)).status).toBe('cancelled');
    // A move the state machine does not allow (a forged button) is the same conflict.
    const forged = await post(`/console/maintenance/${id}/transition`, {
      from: 'cancelled',
      status: 'in_progress',
    });
    expect(forged.statusCode).toBe(409);
    expect(forged.body).toContain('<div class="error-summary conflict" role="alert"><p>Die Wartung wurde');
  });

  it('lists active, upcoming and past windows', async () => {
    await schedule({ title_de: 'Bald' });
    const b = idFrom((await schedule({ title_de: 'Jetzt' })).headers.location);
    const c = idFrom((await schedule({ title_de: 'Vorbei' })).headers.location);
    await post(`/console/maintenance/${b}/transition`, { from: 'scheduled', status: 'in_progress' });
    await post(`/console/maintenance/${c}/transition`, { from: 'scheduled', status: 'cancelled' });
    const body = text((await get('/console/maintenance')).body);
    const active = body.indexOf('Laufende Wartungen');
    const upcoming = body.indexOf('Geplante Wartungen');
    const past = body.indexOf('Vergangene Wartungen');
    expect(body.indexOf('>Jetzt<')).toBeGreaterThan(active);
    expect(body.indexOf('>Jetzt<')).toBeLessThan(upcoming);
    expect(body.indexOf('>Bald<')).toBeGreaterThan(upcoming);
    expect(body.indexOf('>Bald<')).toBeLessThan(past);
    expect(body.indexOf('>Vorbei<')).toBeGreaterThan(past);
  });

  it('prefills title and announcement from a maintenance template, keeping chosen components', async () => {
    const { id } = await createTemplate({
      ctx: testContext(t.store, t.clock),
      input: {
        name: 'Ankündigung',
        status: 'scheduled',
        title: { de: 'Geplante Wartung', en: 'Scheduled maintenance' },
        body: { de: 'Text', en: 'Text' },
      },
    });
    const res = await get(
      `/console/maintenance/new?template=${id}&componentIds=fax&scheduled_start=2026-04-01T22:00`,
    );
    expect(res.statusCode).toBe(200);
    expect(inputValue(res.body, 'title_en')).toBe('Scheduled maintenance');
    expect(inputValue(res.body, 'scheduled_start')).toBe('2026-04-01T22:00');
    expect(res.body).toMatch(/name="componentIds" value="fax" checked/);
    expect(res.body).not.toMatch(/name="componentIds" value="sip-trunk" checked/);
  });

  it('keeps the maintenance pages to staff', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/console/maintenance' });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/console/login?next=%2Fconsole%2Fmaintenance');
    expect((await get('/console/maintenance/new')).statusCode).toBe(200);
    expect((await get('/console/maintenance/nope')).statusCode).toBe(404);
  });
});
