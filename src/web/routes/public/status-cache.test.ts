import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
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

const declare = (title: string) =>
  declareIncident({
    ctx: testContext(t.store, t.clock),
    input: {
      title: { de: title, en: '' },
      components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
      message: { de: 'Wir prüfen.', en: '' },
    },
  });

describe('status page caching', () => {
  it('sends a strong ETag and answers a matching If-None-Match with an empty 304', async () => {
    const first = await get('/');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=30');
    expect(first.headers.vary).toBe('Accept-Language, Cookie, Accept-Encoding');

    const again = await get('/');
    expect(again.headers.etag).toBe(etag);
    expect(again.body).toBe(first.body);

    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const cond = await get('/', { 'if-none-match': header });
      expect(cond.statusCode, header).toBe(304);
      expect(cond.body).toBe('');
      expect(cond.headers.etag).toBe(etag);
      expect(cond.headers.vary).toBe('Accept-Language, Cookie, Accept-Encoding');
    }
    expect((await get('/', { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('sends a compressed copy to browsers that accept one, with its own ETag', async () => {
    const plain = await get('/');
    const br = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gz = await get('/', { 'accept-encoding': 'gzip;q=1, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
    const cond = await get('/', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string });
    expect(cond.statusCode).toBe(304);
    const other = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag as string });
    expect(other.statusCode).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const full = await get('/');
    const head = await t.app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(full.headers.etag);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('shows a new incident at once: the change mark invalidates the cached page', async () => {
    const before = await get('/');
    expect(before.body).toContain('Alle Systeme betriebsbereit');
    await declare('Medienserver Cottbus ausgefallen');
    const after = await get('/', { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.body).toContain('Medienserver Cottbus ausgefallen');
    expect(after.body).toContain('<p class="banner mo">Schwerer Ausfall</p>');
  });

  it('re-renders a cached page after a minute, so a running outage’s downtime keeps counting', async () => {
    await declare('Ausfall');
    t.clock.advance(3600_000);
    const first = await get('/');
    expect(first.body).toContain('20. Nov. 2026: Schwerer Ausfall 1 h</span>');
    // 50 s on, a fresh rendering would say "1 h 1 min": the copy is served instead.
    t.clock.advance(50_000);
    const cached = await get('/');
    expect(cached.headers.etag).toBe(first.headers.etag);
    expect(cached.body).toContain('20. Nov. 2026: Schwerer Ausfall 1 h</span>');
    t.clock.advance(30 * 60_000 - 50_000);
    const later = await get('/');
    expect(later.body).toContain('20. Nov. 2026: Schwerer Ausfall 1 h 30 min</span>');
    expect(later.headers.etag).not.toBe(first.headers.etag);
  });

  it('keeps languages and zones apart', async () => {
    const de = await get('/');
    const en = await get('/', { 'accept-language': 'en' });
    const vienna = await get('/', { cookie: 'dt_tz=Europe/Vienna' });
    expect(new Set([de.headers.etag, en.headers.etag, vienna.headers.etag]).size).toBe(3);
    expect(en.body).toContain('All systems operational');
    expect(vienna.body).toContain('Zeiten in Europe/Vienna');
    expect((await get('/')).body).toContain('Zeiten in Europe/Berlin');
  });
});

describe('language and time zone', () => {
  it('follows Accept-Language, German by default', async () => {
    expect((await get('/')).body).toContain('<html lang="de">');
    expect((await get('/', { 'accept-language': 'fr-FR, en;q=0.5' })).body).toContain('<html lang="en">');
    expect((await get('/', { 'accept-language': 'en;q=0.3, de;q=0.8' })).body).toContain('<html lang="de">');
  });

  it('switches with ?lang= by a link, remembers it in a cookie, and keeps that answer private', async () => {
    const de = await get('/history?page=1');
    expect(de.body).toContain(
      '<a class="lang" href="/history?page&#61;1&#38;lang&#61;en" lang="en" hreflang="en">English</a>',
    );

    const switched = await get('/?lang=en', { 'accept-language': 'de' });
    expect(switched.body).toContain('<html lang="en">');
    expect(switched.body).toContain(
      '<a class="lang" href="/?lang&#61;de" lang="de" hreflang="de">Deutsch</a>',
    );
    expect(switched.headers['cache-control']).toBe('private, no-cache');
    const cookie = String(switched.headers['set-cookie']);
    expect(cookie).toMatch(/^dt_lang=en;/);
    expect(cookie).toContain('Max-Age=31536000');

    const remembered = await get('/incidents/x', { cookie: 'dt_lang=en', 'accept-language': 'de' });
    expect(remembered.body).toContain('<html lang="en">');
    const back = await get('/history?lang=de', { cookie: 'dt_lang=en' });
    expect(back.body).toContain('<h1>Verlauf</h1>');
  });

  it('shows times in ?tz= when it is a real zone, in the default zone otherwise', async () => {
    const vienna = await get('/history?tz=Europe/Vienna');
    expect(vienna.body).toContain('Zeiten in Europe/Vienna');
    expect(String(vienna.headers['set-cookie'])).toMatch(/^dt_tz=Europe\/Vienna;/);
    const bogus = await get('/history?tz=Mars/Olympus');
    expect(bogus.statusCode).toBe(200);
    expect(bogus.body).toContain('Zeiten in Europe/Berlin');
  });
});
