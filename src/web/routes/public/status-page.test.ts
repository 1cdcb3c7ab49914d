import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
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

/** The component row of a component, by its displayed name. */
function row(body: string, name: string): string {
  const start = body.indexOf(`<span class="cn">${name}</span>`);
  expect(start, `row of ${name}`).toBeGreaterThan(-1);
  return body.slice(start, body.indexOf('</p></li>', body.indexOf('<p class="pct">', start)) + 4);
}

async function declareMediaOutage(message = 'Wir **untersuchen** das.') {
  return declareIncident({
    ctx: testContext(t.store, t.clock),
    input: {
      title: { de: 'Medienserver Cottbus ausgefallen', en: 'Cottbus media server down' },
      components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
      message: { de: message, en: 'We are **investigating**.' },
    },
  });
}

describe('status page', () => {
  it('says all is well when it is, with every component operational', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<html lang="de">');
    expect(res.body).toContain('<p class="banner ok">Alle Systeme betriebsbereit</p>');
    for (const name of ['Medienserver Cottbus', 'Ortsrufnummern', 'Fax', 'SIP-Trunk']) {
      expect(row(res.body, name)).toContain('<span class="st ok">Betriebsbereit</span>');
    }
    expect(res.body).not.toContain('Aktuelle Störungen');
  });

  it('shows an outage in the banner, on the component, and names the cause on its dependants', async () => {
    const { id } = await declareMediaOutage();
    const res = await get('/');
    expect(res.body).toContain('<p class="banner mo">Schwerer Ausfall</p>');
    expect(row(res.body, 'Medienserver Cottbus')).toContain('<span class="st mo">Schwerer Ausfall</span>');
    expect(row(res.body, 'Medienserver Cottbus')).not.toContain('betroffen durch');
    for (const name of ['Ortsrufnummern', 'Fax']) {
      const r = row(res.body, name);
      expect(r).toContain('<span class="st mo">Schwerer Ausfall</span>');
      expect(r).toContain('<p class="why">betroffen durch Medienserver Cottbus</p>');
    }
    expect(row(res.body, 'SIP-Trunk')).toContain('Betriebsbereit');
    expect(res.body).toContain(`<a href="/incidents/${id}">Medienserver Cottbus ausgefallen</a>`);
    expect(res.body).toContain('<p>Wir <strong>untersuchen</strong> das.</p>');

    const en = await get('/', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.body).toContain('<p class="banner mo">Major outage</p>');
    expect(row(en.body, 'Local numbers')).toContain('affected by Cottbus media server');
    expect(en.body).toContain('<p>We are <strong>investigating</strong>.</p>');
  });

  it('shows the latest public update of an incident, never an internal one', async () => {
    const { id } = await declareMediaOutage();
    t.clock.advance(10 * 60_000);
    const ctx = testContext(t.store, t.clock);
    await postIncidentUpdate({
      ctx,
      input: { incidentId: id, status: 'identified', message: { de: 'Festplatte defekt.', en: '' } },
    });
    t.clock.advance(10 * 60_000);
    await postIncidentUpdate({
      ctx,
      input: {
        incidentId: id,
        status: 'identified',
        message: { de: 'Intern: Lieferant anrufen', en: '' },
        visibility: 'internal',
      },
    });
    const res = await get('/');
    expect(res.body).toContain('Festplatte defekt.');
    expect(res.body).not.toContain('Wir <strong>untersuchen</strong>');
    expect(res.body).not.toContain('Lieferant');
    expect(res.body).toContain('<span class="st ip">Ursache erkannt</span>');
  });

  it('labels each day bar with date, worst status and downtime, and sums up the percentage', async () => {
    await declareMediaOutage();
    t.clock.advance(2 * 3600_000);
    const res = await get('/');
    const media = row(res.body, 'Medienserver Cottbus');
    expect(media).toContain(
      '<li class="mo"><span class="vh">20. Nov. 2026: Schwerer Ausfall 2 h</span></li>',
    );
    // Created on 1 January: 90 days back all have data; the 89 before today had no incident.
    expect(media).toContain(
      '<li class="ok s89"><span class="vh">23. Aug. 2026 bis 19. Nov. 2026: keine Störungen',
    );
    // German percentages use a no-break space before the sign.
    expect(media).toMatch(/<p class="pct">99,9\d\u00a0% verfügbar<\/p>/);
    expect(row(res.body, 'SIP-Trunk')).toContain('<p class="pct">100,00\u00a0% verfügbar</p>');
  });

  it('lists running and upcoming maintenance in the reader’s zone', async () => {
    const ctx = testContext(t.store, t.clock);
    await scheduleMaintenance({
      ctx,
      input: {
        title: { de: 'Tausch der Faxkarten', en: 'Fax card replacement' },
        message: { de: 'Fax kurz nicht erreichbar.', en: '' },
        componentIds: ['fax'],
        scheduledStart: '2026-11-20T09:00:00.000Z',
        scheduledEnd: '2026-11-20T12:00:00.000Z',
      },
    });
    await scheduleMaintenance({
      ctx,
      input: {
        title: { de: 'Update SIP-Trunk', en: 'SIP trunk update' },
        message: { de: 'Kurze Unterbrechung.', en: '' },
        componentIds: ['sip-trunk'],
        scheduledStart: '2026-11-24T21:00:00.000Z',
        scheduledEnd: '2026-11-24T22:30:00.000Z',
      },
    });
    const res = await get('/');
    expect(res.body).toContain('<p class="banner um">Wartungsarbeiten laufen</p>');
    const running = res.body.slice(
      res.body.indexOf('Laufende Wartungen'),
      res.body.indexOf('Störungshotline'),
    );
    expect(running).toContain('Tausch der Faxkarten');
    expect(running).toContain('<span class="st um">Läuft</span>');
    expect(row(res.body, 'Fax')).toContain('<span class="st um">Wartung</span>');
    const upcoming = res.body.slice(res.body.indexOf('Geplante Wartungen'));
    expect(upcoming).toContain('Update SIP-Trunk');
    // Same local day: the end shows its time only.
    expect(upcoming).toContain(
      '24. Nov. 2026, 22:00 MEZ</time> – <time datetime="2026-11-24T22:30:00.000Z">23:30</time>',
    );

    const london = await get('/?tz=Europe/London&lang=en');
    expect(london.body).toContain(
      '24 Nov 2026, 21:00 GMT</time> – <time datetime="2026-11-24T22:30:00.000Z">22:30</time>',
    );
    expect(london.body).toContain('Times in Europe/London');
  });

  it('lists hotlines as phone links and links the feeds', async () => {
    const res = await get('/');
    expect(res.body).toContain('Aus Deutschland: <a href="tel:+4935512340">+49 355 1234-0</a>');
    expect(res.body).toContain('Aus Österreich: <a href="tel:+4312345678">+43 1 234 56 78</a>');
    for (const href of ['/feed.atom', '/feed.rss', '/maintenance.ics'])
      expect(res.body).toContain(`href="${href}"`);
    expect(res.body).toContain('<link rel="alternate" type="application/atom+xml" href="/feed.atom"');
  });

  it('shows the configured page name', async () => {
    const named = await buildTestApp({ env: { DIALTONE_PAGE_NAME: 'Beispiel Telefon <GmbH>' } });
    try {
      const res = await named.app.inject({ url: '/' });
      expect(res.body).toContain('<a class="brand" href="/">Beispiel Telefon &#60;GmbH&#62;</a>');
      expect(res.body).toContain('<title>Status · Beispiel Telefon &#60;GmbH&#62;</title>');
    } finally {
      await named.close();
    }
  });

  it('escapes titles and sanitizes message HTML', async () => {
    await declareIncident({
      ctx: testContext(t.store, t.clock),
      input: {
        title: { de: '<script>alert(1)</script> Ausfall', en: '' },
        components: [{ componentId: 'fax', status: 'partial_outage' }],
        message: {
          de: 'Text <img src=x onerror="alert(2)"> <script>alert(3)</script> [Link](javascript:alert(4))',
          en: '',
        },
      },
    });
    const res = await get('/');
    expect(res.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62; Ausfall');
    expect(res.body).not.toMatch(/<script|onerror|javascript:/i);
  });
});
