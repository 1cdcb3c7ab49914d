import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog, testContext } from '../../../../test/support/factories.ts';

const demo = readFileSync(new URL('../../../../catalog/demo.yaml', import.meta.url), 'utf8');
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

/** The textarea's content as a browser would submit it (HTML entities decoded). */
function textareaOf(page: string): string {
  const m = /<textarea id="catalog-yaml"[^>]*>([\s\S]*?)<\/textarea>/.exec(page);
  if (!m) throw new Error('no catalog textarea');
  const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
  return m[1]!.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (all, dec, hex, name) =>
    dec
      ? String.fromCodePoint(Number(dec))
      : hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : (named[name] ?? all),
  );
}

describe('console catalog page', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedInStaff>>;

  beforeEach(async () => {
    t = await buildTestApp();
    admin = await signedInStaff(t, 'admin');
  });
  afterEach(async () => t.close());

  const get = (url: string, who = admin) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (fields: Record<string, string>, who = admin, lang = 'de') =>
    t.app.inject({
      method: 'POST',
      url: `/console/catalog?lang=${lang}`,
      headers: { ...formHeaders, cookie: who.cookie },
      payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
    });
  const componentIds = async () =>
    (await t.store.db.selectFrom('components').select('id').orderBy('id').execute()).map((c) => c.id);

  it('is for admins only', async () => {
    const op = await signedInStaff(t, 'operator');
    expect((await get('/console/catalog', op)).statusCode).toBe(403);
    expect((await post({ yaml: demo, action: 'apply' }, op)).statusCode).toBe(403);
    expect((await get('/console/catalog/export.yaml', op)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/console/catalog' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/console/login?next=%2Fconsole%2Fcatalog');
    expect(await componentIds()).toEqual([]);
  });

  it('refuses a form without the CSRF token', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/console/catalog',
      headers: { ...formHeaders, cookie: admin.cookie },
      payload: new URLSearchParams({ yaml: demo, action: 'apply' }).toString(),
    });
    expect(r.statusCode).toBe(403);
    expect(await componentIds()).toEqual([]);
  });

  it('previews without writing, applies with a notice, then shows the catalog as YAML and a table', async () => {
    const preview = await post({ yaml: demo, action: 'preview' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Neu: Komponente „media-cottbus“');
    expect(textareaOf(preview.body)).toBe(demo);
    expect(await componentIds()).toEqual([]);

    const applied = await post({ yaml: demo, action: 'apply' });
    expect(applied.statusCode).toBe(303);
    expect(applied.headers.location).toBe('/console/catalog?notice=applied');
    expect(await componentIds()).toContain('media-cottbus');

    const page = await get('/console/catalog?notice=applied');
    expect(page.body).toContain('Der Katalog wurde übernommen.');
    expect(page.body).toMatch(
      /<th scope="row">Ortsnetzrufnummern <code>local-numbers-cottbus<\/code><\/th><td>Telefonie<\/td><td>Standort Cottbus<\/td><td>Ortsnetzrufnummern<\/td><td>Mediengateway Cottbus<\/td>/,
    );
    // What the page shows applies back as no change at all.
    const again = await post({ yaml: textareaOf(page.body), action: 'apply' });
    expect(again.headers.location).toBe('/console/catalog?notice=unchanged');
    const audit = await t.store.db.selectFrom('audit_log').select(['action', 'actor_id']).execute();
    expect(audit).toEqual([{ action: 'catalog.apply', actor_id: admin.userId }]);
  });

  it('shows every problem with path and line above the form, keeps the input, writes nothing', async () => {
    const bad = demo
      .replace('dependsOn: [dns]', 'dependsOn: [dns, media-berlin]')
      .replace('phone: +43 1 2345678 0', 'phone: "0043 1 2345678"');
    const r = await post({ yaml: bad, action: 'apply' }, admin, 'en');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('The file was not applied. Problems found: 2');
    expect(r.body).toMatch(
      /line \d+, column \d+ · <code>components\[\d+\]\.dependsOn<\/code>: Unknown component &#34;media-berlin&#34;\./,
    );
    expect(r.body).toContain('<code>hotlines[1].phone</code>: Invalid phone number &#34;0043 1 2345678&#34;');
    expect(r.body).toContain('aria-invalid="true"');
    expect(textareaOf(r.body)).toBe(bad);
    expect(await componentIds()).toEqual([]);
  });

  it('refuses to remove a component an open incident affects, naming it, in the preview already', async () => {
    await seedMiniCatalog(t.store);
    await declareIncident({
      ctx: testContext(t.store, t.clock),
      input: {
        title: { de: 'Fax gestört', en: 'Fax down' },
        components: [{ componentId: 'fax', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Checking.' },
      },
    });
    const current = textareaOf((await get('/console/catalog')).body);
    const withoutFax = current.replace(/ {2}- id: fax\n(?: {4}.*\n)+/, '');
    expect(withoutFax).not.toBe(current);
    const r = await post({ yaml: withoutFax, action: 'preview' });
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain(
      'Die Komponente „fax“ kann nicht entfernt werden: die offene Störung „Fax gestört“',
    );
    expect(await componentIds()).toContain('fax');
  });

  it('escapes names from the catalog and what was typed', async () => {
    const yaml = 'components:\n  - id: x\n    name: "<script>alert(1)</script>"\n';
    const preview = await post({ yaml, action: 'apply' });
    expect(preview.statusCode).toBe(303);
    const page = await get('/console/catalog');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62; <code>x</code>');
    const typed = await post({ yaml: '</textarea><script>x</script>', action: 'preview' });
    expect(typed.body).not.toContain('</textarea><script>');
  });

  it('downloads the catalog as a YAML file and treats an empty form as an empty file', async () => {
    await seedMiniCatalog(t.store);
    const file = await get('/console/catalog/export.yaml');
    expect(file.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="catalog.yaml"');
    expect(file.body).toContain('- id: media-cottbus');
    const empty = await post({ action: 'apply' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Die Datei ist leer.');
    expect(await componentIds()).toHaveLength(4);
  });
});
