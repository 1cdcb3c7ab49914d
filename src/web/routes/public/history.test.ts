import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { postMaintenanceUpdate } from '#src/services/post-maintenance-update.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';
import { seedNamedCatalog } from './test-fixtures.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  await seedNamedCatalog(t.store);
});
afterEach(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

/** Declares `n` incidents an hour apart ("Störung 1" oldest) and resolves all but the newest. */
async function incidents(n: number) {
  const ctx = testContext(t.store, t.clock);
  for (let i = 1; i <= n; i++) {
    const { id } = await declareIncident({
      ctx,
      input: {
        title: { de: `Störung ${i}`, en: `Incident ${i}` },
        components: [{ componentId: 'fax', status: 'partial_outage' }],
        message: { de: 'Wir prüfen.', en: '' },
      },
    });
    t.clock.advance(30 * 60_000);
    if (i < n) await resolveIncident({ ctx, input: { incidentId: id, message: { de: 'Behoben.', en: '' } } });
    t.clock.advance(30 * 60_000);
  }
}

const titles = (body: string) =>
  [...body.matchAll(/<a href="\/incidents\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

describe('history', () => {
  it('pages incidents 20 at a time, newest first, with newer/older links', async () => {
    await incidents(25);
    const first = await get('/history');
    expect(first.statusCode).toBe(200);
    expect(titles(first.body)).toEqual(Array.from({ length: 20 }, (_, i) => `Störung ${25 - i}`));
    expect(first.body).toContain('<h1>Verlauf, Seite 1 von 2</h1>');
    expect(first.body).toContain('<a rel="next" href="/history?page&#61;2">Ältere →</a>');
    expect(first.body).not.toContain('rel="prev"');

    const second = await get('/history?page=2');
    expect(titles(second.body)).toEqual(['Störung 5', 'Störung 4', 'Störung 3', 'Störung 2', 'Störung 1']);
    expect(second.body).toContain('<a rel="prev" href="/history">← Neuere</a>');
    expect(second.body).not.toContain('rel="next"');
    expect(second.body).toContain('<span>Seite 2 von 2</span>');
  });

  it('shows status, impact, times and duration of each incident', async () => {
    await incidents(2);
    const res = await get('/history');
    expect(res.body).toContain('<span class="st ip">Wird untersucht</span>');
    expect(res.body).toContain(
      '<span class="st ok">Behoben</span> <span class="st po">Auswirkung: Erheblich</span>',
    );
    expect(res.body).toContain('(Dauer 30 min)');
    expect(res.body).toContain('(dauert bisher 1 h)');
    expect(res.body).toContain('<h1>Verlauf</h1>');
    expect(res.body).not.toContain('class="pager"');
  });

  it('says so when there is nothing yet', async () => {
    const res = await get('/history', { 'accept-language': 'en' });
    expect(res.body).toContain('No incidents so far.');
    expect(res.body).toContain('No completed maintenance yet.');
  });

  it('refuses a page number that is not one (400) and a page past the end (404)', async () => {
    await incidents(3);
    for (const bad of ['abc', '0', '-1', '1.5', '1e3', '12345678901']) {
      const res = await get(`/history?page=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.body).toContain(`Ungültige Seitenzahl „${bad}“`);
    }
    const en = await get('/history?page=x', { 'accept-language': 'en' });
    expect(en.body).toContain('Invalid page number “x”: please use a whole number from 1.');
    expect((await get('/history?page=999999999')).statusCode).toBe(404);
    const past = await get('/history?page=3');
    expect(past.statusCode).toBe(404);
    expect(past.body).toContain('Seite 3 gibt es nicht; es sind 1 Seiten.');
  });

  it('lists past maintenance on the first page, linked to its page with the timeline', async () => {
    const ctx = testContext(t.store, t.clock);
    const { id } = await scheduleMaintenance({
      ctx,
      input: {
        title: { de: 'Tausch der Faxkarten', en: 'Fax card replacement' },
        message: { de: 'Fax kurz nicht erreichbar.', en: 'Fax briefly unreachable.' },
        componentIds: ['fax', 'local-numbers'],
        scheduledStart: '2026-11-20T09:00:00.000Z',
        scheduledEnd: '2026-11-20T12:00:00.000Z',
      },
    });
    t.clock.advance(20 * 60_000);
    await postMaintenanceUpdate({
      ctx,
      input: { maintenanceId: id, status: 'completed', message: { de: 'Fertig, alles läuft.', en: 'Done.' } },
    });
    const history = await get('/history');
    expect(history.body).toContain(`<a href="/maintenance/${id}">Tausch der Faxkarten</a>`);
    expect(history.body).toContain('<a href="/maintenance">Alle Wartungen</a>');

    const page = await get(`/maintenance/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Tausch der Faxkarten</h1>');
    expect(page.body).toContain('<span class="st ok">Abgeschlossen</span>');
    expect(page.body).toContain('<li>Fax</li>');
    expect(page.body).toContain('<li>Ortsrufnummern</li>');
    const timeline = page.body.slice(page.body.indexOf('<ol class="tl">'));
    expect(timeline.indexOf('Fertig, alles läuft.')).toBeLessThan(
      timeline.indexOf('Fax kurz nicht erreichbar.'),
    );
    expect(page.body).toContain('<dt>Abgeschlossen</dt><dd><time datetime="2026-11-20T10:20:00.000Z">');

    const en = await get(`/maintenance/${id}`, { 'accept-language': 'en' });
    expect(en.body).toContain('<h1>Fax card replacement</h1>');
    expect(en.body).toContain('<p>Done.</p>');
  });

  it('lists upcoming and past maintenance on the maintenance page, and 404s unknown ones', async () => {
    const ctx = testContext(t.store, t.clock);
    await scheduleMaintenance({
      ctx,
      input: {
        title: { de: 'Update SIP-Trunk', en: '' },
        message: { de: 'Kurz weg.', en: '' },
        componentIds: ['sip-trunk'],
        scheduledStart: '2026-11-24T21:00:00.000Z',
        scheduledEnd: '2026-11-24T22:00:00.000Z',
      },
    });
    const res = await get('/maintenance');
    expect(res.statusCode).toBe(200);
    const upcoming = res.body.slice(
      res.body.indexOf('Geplante Wartungen'),
      res.body.indexOf('Vergangene Wartungen'),
    );
    expect(upcoming).toContain('Update SIP-Trunk');
    expect(res.body).toContain('Bisher keine abgeschlossenen Wartungen.');
    expect(res.body).toContain('<a href="/maintenance" aria-current="page">Wartungen</a>');

    const missing = await get('/maintenance/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Eine Wartung „nope“ gibt es hier nicht.');
    expect((await get('/maintenance?page=2')).statusCode).toBe(404);
    expect((await get('/maintenance?page=zwei')).statusCode).toBe(400);
  });
});
