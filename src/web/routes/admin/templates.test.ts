import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listTemplates } from '#src/services/list-templates.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
/** Page text with ghtml's escapes of = ' " & undone; < and > stay escaped, so markup that was
 * printed as text (a nesting mistake) cannot pass for markup. */
const text = (body: string) =>
  body.replace(/&#(61|39|34|38);/g, (_, n: string) => String.fromCharCode(Number(n)));
/** A field's value exactly as the user typed it. */
const typed = (value: string) => value.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
const inputValue = (body: string, name: string) =>
  typed(new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(body)?.[1] ?? '');

describe('console templates', () => {
  let t: TestApp;
  let staff: { cookie: string; csrf: string };
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
  const post = (url: string, fields: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...formHeaders, cookie: staff.cookie },
      payload: new URLSearchParams({ _csrf: staff.csrf, ...fields }).toString(),
    });
  const fields = (overrides: Record<string, string> = {}) => ({
    name: 'DSL gestört',
    status: 'investigating',
    title_de: 'DSL-Störung',
    title_en: 'DSL disruption',
    body_de: 'Wir untersuchen.',
    body_en: 'We are investigating.',
    ...overrides,
  });
  const audit = async () =>
    (await t.store.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action);

  beforeEach(async () => {
    t = await buildTestApp();
    staff = await signedInStaff(t, 'operator');
  });
  afterEach(async () => t.close());

  it('offers the standard set on an empty list and adds it once', async () => {
    const empty = text((await get('/console/templates')).body);
    expect(empty).toContain('Standardvorlagen hinzufügen');
    const res = await post('/console/templates/standard');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/templates?notice=standard');
    const list = text((await get(res.headers.location!)).body);
    expect(list).toContain('Die Standardvorlagen sind hinzugefügt.');
    expect(list).toContain('Störung – behoben');
    expect(list).toContain('Wartung: Geplant');
    expect(list).not.toContain('Standardvorlagen hinzufügen</button>');
    const again = await post('/console/templates/standard');
    expect(again.headers.location).toBe('/console/templates?notice=standardSkipped');
    expect(await listTemplates(t.store.db)).toHaveLength(5);
    expect(await audit()).toEqual(['template.addStandard']);
  });

  it('creates, edits and deletes a template with audit rows', async () => {
    const created = await post('/console/templates', fields());
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/console/templates?notice=created');
    const [tpl] = await listTemplates(t.store.db);
    expect(tpl).toMatchObject({ name: 'DSL gestört', title: { de: 'DSL-Störung', en: 'DSL disruption' } });

    const list = text((await get('/console/templates')).body);
    expect(list).toContain(`href="/console/incidents/new?template=${tpl!.id}"`);
    const edit = await get(`/console/templates/${tpl!.id}`);
    expect(inputValue(edit.body, 'name')).toBe('DSL gestört');
    const saved = await post(
      `/console/templates/${tpl!.id}`,
      fields({ status: 'scheduled', name: 'DSL Wartung' }),
    );
    expect(saved.statusCode).toBe(303);
    expect((await listTemplates(t.store.db))[0]).toMatchObject({ name: 'DSL Wartung', status: 'scheduled' });

    const confirm = text((await get(`/console/templates/${tpl!.id}/delete`)).body);
    expect(confirm).toContain('Vorlage „DSL Wartung“ löschen');
    expect(confirm).toContain(`action="/console/templates/${tpl!.id}/delete"`);
    const deleted = await post(`/console/templates/${tpl!.id}/delete`);
    expect(deleted.headers.location).toBe('/console/templates?notice=deleted');
    const twice = await post(`/console/templates/${tpl!.id}/delete`);
    expect(twice.headers.location).toBe('/console/templates?notice=gone');
    expect(await listTemplates(t.store.db)).toHaveLength(0);
    expect(await audit()).toEqual(['template.create', 'template.update', 'template.delete']);
  });

  it('refuses bad input per field, keeps it, writes nothing', async () => {
    const res = await post(
      '/console/templates',
      fields({ name: '', body_de: '', body_en: '', title_en: '<b>x</b>' }),
    );
    expect(res.statusCode).toBe(400);
    const body = text(res.body);
    expect(body).toMatch(/id="f-name-error">Pflichtfeld\./);
    expect(body).toMatch(/id="f-body_de-error">Bitte mindestens eine Sprache ausfüllen\./);
    expect(body).toContain('<li>Name: Pflichtfeld.</li>');
    expect(inputValue(res.body, 'title_en')).toBe('<b>x</b>');
    expect(res.body).not.toContain('<b>x</b>');
    expect(await listTemplates(t.store.db)).toHaveLength(0);
    expect(await audit()).toEqual([]);

    await post('/console/templates', fields());
    const dup = await post('/console/templates', fields({ title_de: 'anders' }));
    expect(dup.statusCode).toBe(400);
    expect(text(dup.body)).toContain('Es gibt bereits eine Vorlage „DSL gestört“.');
    expect(inputValue(dup.body, 'title_de')).toBe('anders');
  });

  it('answers 404 for a template that does not exist and sends anonymous visitors to sign in', async () => {
    expect((await get('/console/templates/nope')).statusCode).toBe(404);
    const anon = await t.app.inject({ method: 'GET', url: '/console/templates' });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/console/login?next=%2Fconsole%2Ftemplates');
  });
});
