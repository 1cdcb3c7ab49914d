import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceMaintenanceSchedule } from '#src/services/advance-maintenance-schedule.ts';
import { declareIncident } from '#src/services/declare-incident.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { postMaintenanceUpdate } from '#src/services/post-maintenance-update.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { xmlProblem } from '#src/web/views/feeds/xml-check.ts';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog, testClock, testContext } from '../../../../test/support/factories.ts';

const secret = 'INTERNAL-NOTE-4411';
const nastyTitle = '<script>alert("x")</script> Tom & Jerry';

let t: TestApp;
const ids: Record<string, string> = {};

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

beforeAll(async () => {
  t = await buildTestApp({ clock: testClock('2026-09-01T08:00:00.000Z') });
  await seedMiniCatalog(t.store);
  const ctx = testContext(t.store, t.clock);
  const window = (title: string, start: string, end: string) =>
    scheduleMaintenance({
      ctx,
      input: {
        title: { de: title, en: `${title} (en)` },
        message: { de: 'Angekündigt: **Neustart** & Test.', en: 'Announced: **restart** & test.' },
        componentIds: ['fax', 'sip-trunk'],
        scheduledStart: start,
        scheduledEnd: end,
      },
    });
  // Ends in early September: more than 30 days before "now" below, so not in the calendar.
  ids.old = (await window('Alte Wartung', '2026-09-02T01:00:00.000Z', '2026-09-02T02:00:00.000Z')).id;
  t.clock.set('2026-09-03T00:00:00.000Z');
  await advanceMaintenanceSchedule({ ctx });

  t.clock.set('2026-10-20T08:00:00.000Z');
  // 01:30 summer time to 04:00 winter time in Berlin, across the night the clocks go back.
  ids.dst = (
    await window('Kern, Vermittlung; Upgrade', '2026-10-24T23:30:00.000Z', '2026-10-25T03:00:00.000Z')
  ).id;
  ids.cancelled = (
    await window('Abgesagte Wartung', '2026-10-30T01:00:00.000Z', '2026-10-30T02:00:00.000Z')
  ).id;
  await postMaintenanceUpdate({
    ctx,
    input: {
      maintenanceId: ids.cancelled!,
      status: 'cancelled',
      message: { de: 'Abgesagt.', en: 'Called off.' },
    },
  });
  ids.incident = (
    await declareIncident({
      ctx,
      input: {
        title: { de: nastyTitle, en: 'Media server down' },
        components: [{ componentId: 'media-cottbus', status: 'major_outage' }],
        message: { de: 'Wir prüfen **Tom & Jerry** <b>x</b> &amp; 5 > 3.', en: 'Checking.' },
      },
    })
  ).id;
  t.clock.advance(60_000);
  await postIncidentUpdate({
    ctx,
    input: {
      incidentId: ids.incident!,
      status: 'identified',
      message: { de: secret, en: secret },
      visibility: 'internal',
    },
  });
});
afterAll(async () => t.close());

describe('Atom and RSS', () => {
  it('serves well-formed Atom with escaped titles and plain-text summaries', async () => {
    const res = await get('/feed.atom');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(xmlProblem(res.body)).toBeNull();
    expect(res.body).toContain('xml:lang="de"');
    expect(res.body).toContain('<title type="text">dialtone – Störungen und Wartungen</title>');
    expect(res.body).not.toContain('<script>');
    expect(res.body).toContain(
      '<title type="text">Störung: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; Jerry – Ursache erkannt</title>',
    );
    expect(res.body).toContain('<summary type="text">Wir prüfen Tom &amp; Jerry x &amp; 5 &gt; 3.</summary>');
    expect(res.body).not.toContain('&amp;amp;');
    expect(res.body).toContain(`href="http://status.example.net/incidents/${ids.incident}"`);
    expect(res.body).toContain(`href="http://status.example.net/maintenance/${ids.dst}"`);
    expect(res.body).not.toContain(secret);
    // Newest change first: the incident, then the cancellation, then the windows.
    const links = [...res.body.matchAll(/<entry>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(links[0]).toBe(`http://status.example.net/incidents/${ids.incident}`);
    expect(links).toHaveLength(4);
  });

  it('writes maintenance windows in local time in the summary', async () => {
    const body = (await get('/feed.atom')).body;
    const entry = body.split('<entry>').find((e) => e.includes(`/maintenance/${ids.dst}`))!;
    expect(entry).toContain('Wartung: Kern, Vermittlung; Upgrade – Geplant');
    expect(entry).toMatch(/Zeitraum: 25\. Okt\. 2026, 01:30 MESZ – 25\. Okt\. 2026, 04:00 MEZ\./);
    expect(entry).toContain('Angekündigt: Neustart &amp; Test.');
  });

  it('serves well-formed RSS 2.0 with RFC 822 dates and permalink guids', async () => {
    const res = await get('/feed.rss');
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(xmlProblem(res.body)).toBeNull();
    expect(res.body).toContain('<language>de</language>');
    expect(res.body).toContain(
      `<guid isPermaLink="true">http://status.example.net/incidents/${ids.incident}</guid>`,
    );
    expect(res.body).toContain('<pubDate>Tue, 20 Oct 2026 08:00:00 GMT</pubDate>');
    expect(res.body).toContain('&lt;script&gt;');
    expect(res.body).not.toContain('<script>');
    // description is HTML in RSS: the plain text is HTML-encoded, then XML-escaped.
    expect(res.body).toContain(
      '<description>Wir prüfen Tom &amp;amp; Jerry x &amp;amp; 5 &amp;gt; 3.</description>',
    );
    expect(res.body).not.toContain(secret);
  });

  it('follows the reader language, ?lang= first, without setting a cookie', async () => {
    const en = await get('/feed.atom', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body).toContain('xml:lang="en"');
    expect(en.body).toContain('Incident: Media server down – Identified');
    const forced = await get('/feed.rss?lang=en', { 'accept-language': 'de' });
    expect(forced.body).toContain('<title>dialtone – Incidents and maintenance</title>');
    expect(forced.headers['set-cookie']).toBeUndefined();
    const bad = await get('/feed.atom?lang=xx');
    expect(bad.statusCode).toBe(400);
  });

  it('answers 304 while nothing changed', async () => {
    const first = await get('/feed.atom');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const again = await get('/feed.atom', { 'if-none-match': first.headers.etag as string });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('maintenance.ics', () => {
  it('is an RFC 5545 calendar with CRLF lines of at most 75 octets', async () => {
    const res = await get('/maintenance.ics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(res.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(res.body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(unfold(res.body)).toContain('X-WR-CALNAME:dialtone – Wartungen');
  });

  it('holds upcoming and recent windows in UTC, not those ended over 30 days ago', async () => {
    const lines = unfold((await get('/maintenance.ics')).body);
    const uids = lines.filter((l) => l.startsWith('UID:'));
    expect(uids).toEqual([`UID:${ids.dst}@status.example.net`, `UID:${ids.cancelled}@status.example.net`]);
    const dst = lines.slice(lines.indexOf(`UID:${ids.dst}@status.example.net`));
    expect(dst).toContain('DTSTART:20261024T233000Z');
    expect(dst).toContain('DTEND:20261025T030000Z');
    expect(dst).toContain('SUMMARY:Kern\\, Vermittlung\\; Upgrade');
    expect(dst).toContain('STATUS:CONFIRMED');
    expect(dst).toContain('SEQUENCE:0');
    expect(dst).toContain(`URL:http://status.example.net/maintenance/${ids.dst}`);
    expect(dst.find((l) => l.startsWith('DESCRIPTION:'))).toBe(
      `DESCRIPTION:Angekündigt: Neustart & Test.\\n\\nBetroffen: fax\\, sip-trunk\\n\\nhttp://status.example.net/maintenance/${ids.dst}`,
    );
    const cancelled = lines.slice(lines.indexOf(`UID:${ids.cancelled}@status.example.net`));
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SUMMARY:Abgesagt: Abgesagte Wartung');
    expect(cancelled).toContain('SEQUENCE:1');
  });

  it('speaks English on request', async () => {
    const lines = unfold((await get('/maintenance.ics?lang=en')).body);
    expect(lines).toContain('X-WR-CALNAME:dialtone – Maintenance');
    expect(lines).toContain('SUMMARY:Cancelled: Abgesagte Wartung (en)');
  });
});

describe('empty feed', () => {
  it('dates itself by the last public change, so its ETag holds while time passes', async () => {
    const app = await buildTestApp();
    try {
      await seedMiniCatalog(app.store);
      const first = await app.app.inject({ method: 'GET', url: '/feed.atom' });
      expect(xmlProblem(first.body)).toBeNull();
      expect(first.body).toContain('<updated>2026-01-01T00:00:00.000Z</updated>');
      expect(first.body).not.toContain('<entry>');
      app.clock.advance(3600_000);
      const headers = { 'if-none-match': first.headers.etag as string };
      expect((await app.app.inject({ method: 'GET', url: '/feed.atom', headers })).statusCode).toBe(304);
    } finally {
      await app.close();
    }
  });
});

describe('feed size', () => {
  it('keeps the 50 newest entries', async () => {
    const app = await buildTestApp();
    try {
      await seedMiniCatalog(app.store);
      const ctx = testContext(app.store, app.clock);
      for (let i = 1; i <= 52; i++) {
        app.clock.advance(60_000);
        await declareIncident({
          ctx,
          input: {
            title: { de: `Störung ${i}`, en: `Incident ${i}` },
            components: [{ componentId: 'fax', status: 'degraded_performance' }],
            message: { de: 'm', en: 'm' },
          },
        });
      }
      const body = (await app.app.inject({ method: 'GET', url: '/feed.rss' })).body;
      const titles = [...body.matchAll(/<item>\s*<title>([^<]+)<\/title>/g)].map((m) => m[1]);
      expect(titles).toHaveLength(50);
      expect(titles[0]).toBe('Störung: Störung 52 – Wird untersucht');
      expect(titles.at(-1)).toBe('Störung: Störung 3 – Wird untersucht');
    } finally {
      await app.close();
    }
  });
});
