import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { apiToken, buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedDemoWithInventory } from '../../../../../test/support/demo.ts';
import { testContext } from '../../../../../test/support/factories.ts';
import { skipOrFail } from '../../../../../test/support/peers.ts';

const key = 'k'.repeat(32);
const espeakMissing = spawnSync('espeak-ng', ['--version']).error
  ? skipOrFail('espeak-ng', 'not installed (Debian package espeak-ng)')
  : null;

describe('GET /api/v1/announcement', () => {
  let t: TestApp;
  const get = (query: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/announcement?${query}`, headers });

  beforeAll(async () => {
    t = await buildTestApp({ env: { DIALTONE_ANNOUNCEMENT_KEY: key } });
    t.clock.set('2026-11-22T13:05:00.000Z');
    await seedDemoWithInventory(t.store, t.clock);
  });
  afterAll(() => t.close());

  it('is empty while nothing is wrong, then speaks of the incident by service', async () => {
    let r = await get('service=fax');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.body).toBe('');
    await declareIncident({
      ctx: testContext(t.store, t.clock),
      input: {
        title: { de: 'Telefonie Cottbus gestört', en: 'Calls in Cottbus failing' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir untersuchen.', en: 'We are investigating.' },
      },
    });
    r = await get('service=fax&lang=en');
    expect(r.body).toMatch(
      /^Hello\. We currently have an outage: Calls in Cottbus failing\. It began at 2:05 pm\./,
    );
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('answers for a caller number only with an API token or the announcement key', async () => {
    expect((await get('number=%2B493551234567')).statusCode).toBe(401);
    expect(
      (await get('number=%2B493551234567', { authorization: `Bearer ${'x'.repeat(32)}` })).statusCode,
    ).toBe(401);
    const byKey = await get('number=%2B493551234567&format=json', { authorization: `Bearer ${key}` });
    expect(byKey.statusCode).toBe(200);
    expect(byKey.json()).toMatchObject({ scope: 'number', known_number: true, locale: 'de' });
    expect(byKey.json().text).toContain('Telefonie Cottbus gestört');
    const byToken = await get('number=0301234567%2011&format=json', { authorization: await apiToken(t) });
    expect(byToken.json()).toMatchObject({ text: '', known_number: true, incident_ids: [] });
  });

  it('refuses bad queries per field, in the caller language', async () => {
    let r = await get('lang=fr&service=fax', { 'accept-language': 'en' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['lang']);
    r = await get('', { 'accept-language': 'en' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields).toEqual([{ path: 'number', message: 'Give a number or a service.' }]);
    r = await get('service=nope');
    expect(r.json().error.fields).toEqual([{ path: 'service', message: 'Unbekannter Dienst „nope“.' }]);
  });

  it.skipIf(espeakMissing)('speaks as 8 kHz WAV, and answers 204 when there is nothing to play', async () => {
    const r = await get('service=fax&format=wav');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('audio/wav');
    const wav = r.rawPayload;
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect((await get('service=dsl&format=wav')).statusCode).toBe(204);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.paths['/announcement'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'number',
      'service',
      'lang',
      'format',
      'rate',
    ]);
  });
});
