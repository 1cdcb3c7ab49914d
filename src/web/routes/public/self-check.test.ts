import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalogFile } from '#src/config/catalog-file.ts';
import { advanceMaintenanceSchedule } from '#src/services/advance-maintenance-schedule.ts';
import { applyCatalog } from '#src/services/apply-catalog.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { testContext } from '../../../../test/support/factories.ts';

const demo = parseCatalogFile(
  readFileSync(new URL('../../../../catalog/demo.yaml', import.meta.url), 'utf8'),
);

describe('public self-check', () => {
  let t: TestApp;
  /** The page with ghtml's entities for = and " and & read back, so that links read as written. */
  const get = async (url: string, lang = 'de') => {
    const res = await t.app.inject({ url, headers: { 'accept-language': lang } });
    const body = res.body.replaceAll('&#61;', '=').replaceAll('&#34;', '"').replaceAll('&#38;', '&');
    return { statusCode: res.statusCode, body };
  };

  beforeAll(async () => {
    t = await buildTestApp();
    if (!demo.ok) throw new Error(JSON.stringify(demo.errors));
    const ctx = testContext(t.store, t.clock);
    await applyCatalog({ ctx, input: { document: demo.document } });
    await declareIncident({
      ctx,
      input: {
        title: { de: 'Cloud-Anlagen nicht erreichbar', en: 'Hosted PBX clouds unreachable' },
        components: [{ componentId: 'pbx-cloud', status: 'major_outage' }],
        message: { de: 'Wir untersuchen.', en: 'We are investigating.' },
      },
    });
    // DNS belongs to no service, but the partner portal depends on it.
    await declareIncident({
      ctx,
      input: {
        title: { de: 'Namensauflösung gestört', en: 'Name resolution disrupted' },
        components: [{ componentId: 'dns', status: 'partial_outage' }],
        message: { de: 'Wir untersuchen.', en: 'We are investigating.' },
      },
    });
    await scheduleMaintenance({
      ctx,
      input: {
        title: { de: 'Wartung der SIP-Trunks', en: 'SIP trunk maintenance' },
        message: { de: 'Kurze Unterbrechungen möglich.', en: 'Short interruptions possible.' },
        componentIds: ['sip-trunk'],
        scheduledStart: '2026-11-20T10:30:00.000Z',
        scheduledEnd: '2026-11-20T11:30:00.000Z',
      },
    });
    t.clock.set('2026-11-20T10:30:00.000Z');
    await advanceMaintenanceSchedule({ ctx });
  });
  afterAll(async () => t?.close());

  it('lists the symptoms grouped by service in the reader language', async () => {
    const de = await get('/self-check');
    expect(de.statusCode).toBe(200);
    expect(de.body).toContain('<h3>Cloud-Telefonanlagen</h3>');
    expect(de.body).toContain('href="/self-check/phones-unregistered"');
    expect(de.body).toContain('Auf dem iPhone kommen keine Anrufe an');
    const en = await get('/self-check', 'en');
    expect(en.body).toContain('<h3>Hosted PBX clouds</h3>');
    expect(en.body).toContain('No calls arrive on iPhones');
    // Catalog order: clouds before DSL before the push service.
    expect(en.body.indexOf('Hosted PBX clouds')).toBeLessThan(en.body.indexOf('>DSL<'));
  });

  it('shows an open incident on the service as already known, with a way to subscribe and a way on', async () => {
    const res = await get('/self-check/phones-unregistered');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Bereits bekannt');
    expect(res.body).toContain('Cloud-Anlagen nicht erreichbar');
    // The subscribe form, with the incident's components chosen.
    const link = /href="(\/subscribe\?component=([a-z-]+)[^"]*)"/.exec(res.body);
    expect(link).not.toBeNull();
    const form = await get(link![1]!.replaceAll('&amp;', '&'));
    expect(form.body).toContain(`value="${link![2]}" checked`);
    expect(form.body).toContain('value="components" checked');
    expect(res.body).toContain('href="/self-check/phones-unregistered?a="');
    expect(res.body).not.toContain('sc-answer');
  });

  it('counts what a service depends on, and running maintenance, as already known', async () => {
    const portal = await get('/self-check/partner-portal-unreachable', 'en');
    expect(portal.body).toContain('Name resolution disrupted');
    expect(portal.body).not.toContain('Hosted PBX clouds unreachable');
    const trunk = await get('/self-check/trunk-health', 'en');
    expect(trunk.body).toContain('SIP trunk maintenance');
    expect(trunk.body).toContain('href="/self-check/trunk-health?a="');
  });

  it('goes straight to the first question where nothing is known', async () => {
    const res = await get('/self-check/dsl-no-lights', 'en');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('We know of no outage on "DSL" right now.');
    expect(res.body).toContain('unplug the router for at least 30 seconds');
    expect(res.body).toContain('href="/self-check/dsl-no-lights?a=0"');
  });

  it('walks one question per page to a fix-it-yourself outcome', async () => {
    const first = await get('/self-check/phones-unregistered?a=');
    expect(first.body).toContain('UNREACHABLE');
    expect(first.body).toContain('href="/self-check/phones-unregistered?a=0"');
    const outcome = await get('/self-check/phones-unregistered?a=0');
    expect(outcome.statusCode).toBe(200);
    expect(outcome.body).toContain('Das können Sie selbst beheben');
    expect(outcome.body).toContain('<strong>61 Minuten</strong>');
    expect(outcome.body).toContain('Ihre bisherigen Antworten');
    expect(outcome.body).not.toContain('/report?');
  });

  it('is back-button safe: the same URL gives the same page, the back link the previous one', async () => {
    const a = await get('/self-check/no-calls?a=0.0.1');
    const b = await get('/self-check/no-calls?a=0.0.1');
    expect(a.statusCode).toBe(200);
    expect(b.body).toBe(a.body);
    expect(a.body).toContain('href="/self-check/no-calls?a=0.0"');
    expect(a.body).toContain('Umleitung oder iFMC');
  });

  it('links a report outcome to the prefilled report form with service, symptom and path', async () => {
    const cloud = await get('/self-check/cloud-web-unreachable?a=0.1.1');
    expect(cloud.body).toContain('href="/report?service=cloud&symptom=cloud-web-unreachable&path=0.1.1"');
    // The trunk tree sends a phone system in our cloud to the cloud's queue.
    const noCalls = await get('/self-check/no-calls?a=0.0.1.0.1.1.0.1.0', 'en');
    expect(noCalls.body).toContain('Please report the outage');
    expect(noCalls.body).toContain('href="/report?service=cloud&symptom=no-calls&path=0.0.1.0.1.1.0.1.0"');
  });

  it('answers a path that is not in the tree with a 400 page in the reader language', async () => {
    const cases = [
      ['/self-check/no-calls?a=0.7', 'de', 'Diesen Schritt gibt es nicht', '(Antwort 2)'],
      ['/self-check/phones-unregistered?a=0.0', 'en', 'This step does not exist', '(answer 2)'],
      ['/self-check/no-calls?a=0.x', 'en', 'This step does not exist', '(answer 2)'],
      ['/self-check/no-calls?a=0&a=1', 'de', 'Diesen Schritt gibt es nicht', '(Antwort 1)'],
    ] as const;
    for (const [url, lang, title, where] of cases) {
      const res = await get(url, lang);
      expect(res.statusCode, url).toBe(400);
      expect(res.body, url).toContain(title);
      expect(res.body, url).toContain(where);
      expect(res.body, url).toContain(`lang="${lang}"`);
    }
  });

  it('offers no tree whose service the catalog lacks', async () => {
    const other = await buildTestApp();
    try {
      const res = await other.app.inject({ url: '/self-check', headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('No self-checks have been set up yet.');
      expect(res.body).not.toContain('/self-check/no-calls');
    } finally {
      await other.close();
    }
  });

  it('answers an unknown tree with a 404 naming it', async () => {
    const res = await get('/self-check/no-such-tree', 'en');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('There is no self-check "no-such-tree" here.');
  });
});
