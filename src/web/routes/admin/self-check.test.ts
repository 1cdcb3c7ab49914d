import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTriageSources } from '#src/services/load-triage-trees.ts';
import { buildTestApp, signedInStaff, type TestApp } from '../../../../test/support/app.ts';
import { seedReportCatalog } from '../../../../test/support/reports.ts';
import { smallTree } from '../../../../test/support/triage-trees.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };
const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(?:#(\d+)|(lt|gt|quot|amp|apos));/g, (_all: string, dec?: string, name?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : (entities[name ?? ''] ?? ''),
  );
const textareaOf = (page: string) =>
  decode(/<textarea id="tree-yaml"[^>]*>([\s\S]*?)<\/textarea>/.exec(page)?.[1] ?? '');

describe('console self-check trees', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof signedInStaff>>;

  beforeEach(async () => {
    t = await buildTestApp();
    await seedReportCatalog(t.store);
    admin = await signedInStaff(t, 'admin');
  });
  afterEach(async () => t.close());

  const get = (url: string, who = admin) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const post = (url: string, fields: Record<string, string>, who = admin) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...formHeaders, cookie: who.cookie },
      payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
    });
  const stored = () =>
    t.store.db.selectFrom('triage_trees').select(['id', 'deleted_at', 'version']).execute();
  const audit = async () =>
    (await t.store.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((a) => a.action);
  const publicPage = (id: string) =>
    t.app.inject({ url: `/self-check/${id}?a=`, headers: { 'accept-language': 'de' } });

  it('is for admins only and needs the CSRF token', async () => {
    const op = await signedInStaff(t, 'operator');
    expect((await get('/console/self-check', op)).statusCode).toBe(403);
    expect(
      (await post('/console/self-check/new', { yaml: smallTree(), action: 'save' }, op)).statusCode,
    ).toBe(403);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/console/self-check/new',
      headers: { ...formHeaders, cookie: admin.cookie },
      payload: new URLSearchParams({ yaml: smallTree(), action: 'save' }).toString(),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('lists the shipped trees and opens one in the editor with its text', async () => {
    const [first] = readTriageSources();
    const list = await get('/console/self-check');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/console/self-check/${first!.id}`);
    const page = await get(`/console/self-check/${first!.id}`);
    expect(textareaOf(page.body)).toBe(first!.source);
    expect(page.body).toContain('Zurücksetzen');
    // Saved before the shipped trees were seeded: the seed comes first, the edit applies on top.
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '';
    const saved = await post(`/console/self-check/${first!.id}`, {
      yaml: `${first!.source}# geprüft\n`,
      version,
      action: 'save',
    });
    expect(saved.statusCode).toBe(303);
    expect((await stored()).find((r) => r.id === first!.id)?.version).toBe(2);
    const missing = await get('/console/self-check/no-such-tree');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Einen Selbsttest-Baum „no-such-tree“ gibt es nicht.');
  });

  it('shows every problem with its path beside the editor in the admin’s language, keeps the text, saves nothing', async () => {
    const broken = smallTree()
      .replace('outcome: fix_yourself', 'outcome: fixit')
      .replace('{de: Ja, en: Yes}', '{de: Ja}');
    for (const [lang, words] of [
      ['de', 'Problem(e): nichts gespeichert'],
      ['en', 'problem(s): nothing saved'],
    ] as const) {
      const r = await post(`/console/self-check/new?lang=${lang}`, { yaml: broken, action: 'save' });
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain(words);
      expect(r.body).toContain('<code>nodes[1].outcome</code>');
      expect(r.body).toContain('<code>nodes[0].answers[0].label.en</code>');
      expect(textareaOf(r.body)).toBe(broken);
    }
    expect(await stored()).toEqual([]);
    expect(await audit()).toEqual([]);
  });

  it('checks without saving, then adds a tree the public self-check shows at once; edits show at once too', async () => {
    const check = await post('/console/self-check/new', { yaml: smallTree(), action: 'check' });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Der Baum ist gültig: 1 Fragen, 2 Ergebnisse');
    expect(await stored()).toEqual([]);
    const saved = await post('/console/self-check/new', { yaml: smallTree(), action: 'save' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/console/self-check/test-tree?notice=created');
    expect((await publicPage('test-tree')).body).toContain('Klingelt es?');
    const diff = await post('/console/self-check/test-tree', {
      yaml: smallTree('test-tree', 'Läutet es?'),
      version: '1',
      action: 'check',
    });
    expect(diff.body).toContain('geändert: Knoten q');
    const edited = await post('/console/self-check/test-tree', {
      yaml: smallTree('test-tree', 'Läutet es?'),
      version: '1',
      action: 'save',
    });
    expect(edited.statusCode).toBe(303);
    expect((await publicPage('test-tree')).body).toContain('Läutet es?');
    // A second admin still on version 1 is told, and their text is kept.
    const stale = await post('/console/self-check/test-tree', {
      yaml: smallTree('test-tree', 'Alt?'),
      version: '1',
      action: 'save',
    });
    expect(stale.statusCode).toBe(409);
    expect(textareaOf(stale.body)).toContain('Alt?');
    expect(await audit()).toEqual(['triage.create', 'triage.update']);
  });

  it('deletes after a confirmation and resets a shipped tree to its text', async () => {
    const [first] = readTriageSources();
    const id = first!.id;
    const unconfirmed = await post(`/console/self-check/${id}/delete`, {});
    expect(unconfirmed.headers.location).toBe(`/console/self-check/${id}/delete`);
    expect((await get(`/console/self-check/${id}/delete`)).body).toContain('Ja, löschen');
    expect(await stored()).toEqual([]);
    const deleted = await post(`/console/self-check/${id}/delete`, { confirm: 'yes' });
    expect(deleted.headers.location).toBe('/console/self-check?notice=deleted');
    expect((await publicPage(id)).statusCode).toBe(404);
    expect((await get('/console/self-check')).body).toContain('Gelöschte Bäume');
    const reset = await post(`/console/self-check/${id}/reset`, {});
    expect(reset.statusCode).toBe(303);
    expect((await publicPage(id)).statusCode).not.toBe(404);
    expect(await audit()).toEqual(['triage.delete', 'triage.reset']);
  });
});
