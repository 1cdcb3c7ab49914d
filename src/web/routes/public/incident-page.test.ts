import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
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

/** An incident on local numbers: declared, an internal note, a public update, resolved. */
async function incidentWithTimeline() {
  const ctx = testContext(t.store, t.clock);
  const { id } = await declareIncident({
    ctx,
    input: {
      title: { de: 'Ortsrufnummern nicht erreichbar', en: 'Local numbers unreachable' },
      components: [
        { componentId: 'local-numbers', status: 'major_outage' },
        { componentId: 'fax', status: 'partial_outage' },
      ],
      message: { de: 'Wir prüfen das.', en: 'We are looking into it.' },
    },
  });
  t.clock.advance(30 * 60_000);
  await postIncidentUpdate({
    ctx,
    input: {
      incidentId: id,
      status: 'identified',
      message: { de: 'Backup unvollständig, Kunde X informieren', en: '' },
      visibility: 'internal',
    },
  });
  t.clock.advance(30 * 60_000);
  await postIncidentUpdate({
    ctx,
    input: {
      incidentId: id,
      status: 'identified',
      message: { de: 'Ursache: Plattenausfall.', en: 'Cause: disk failure.' },
    },
  });
  t.clock.advance(65 * 60_000);
  await resolveIncident({
    ctx,
    input: { incidentId: id, message: { de: 'Alles wieder erreichbar.', en: 'All reachable again.' } },
  });
  return id;
}

describe('incident page', () => {
  it('shows the public timeline newest first, never internal updates', async () => {
    const id = await incidentWithTimeline();
    const res = await get(`/incidents/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Ortsrufnummern nicht erreichbar</h1>');
    expect(res.body).toContain('<title>Ortsrufnummern nicht erreichbar · dialtone</title>');
    const start = res.body.indexOf('<ol class="tl">');
    const timeline = res.body.slice(start, res.body.indexOf('</ol>', start));
    const order = ['Alles wieder erreichbar.', 'Ursache: Plattenausfall.', 'Wir prüfen das.'].map((m) =>
      timeline.indexOf(m),
    );
    expect(order.every((p) => p > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(res.body).not.toContain('Backup unvollständig');
    expect(timeline.match(/<li>/g)).toHaveLength(3);
    expect(timeline).toContain(
      '<span class="st ok">Behoben</span> <time datetime="2026-11-20T12:05:00.000Z">20. Nov. 2026, 13:05 MEZ</time>',
    );
  });

  it('shows affected components with their status, begin, end and duration', async () => {
    const id = await incidentWithTimeline();
    const res = await get(`/incidents/${id}`);
    expect(res.body).toContain(
      '<span class="cn">Ortsrufnummern</span> <span class="st mo">Schwerer Ausfall</span>',
    );
    expect(res.body).toContain('<span class="cn">Fax</span> <span class="st po">Teilweiser Ausfall</span>');
    expect(res.body).toContain(
      '<dt>Beginn</dt><dd><time datetime="2026-11-20T10:00:00.000Z">20. Nov. 2026, 11:00 MEZ</time></dd>',
    );
    expect(res.body).toContain('<dt>Dauer</dt><dd>2 h 5 min</dd>');
    expect(res.body).toContain('<span class="st mo">Auswirkung: Kritisch</span>');
  });

  it('reads in English, falling back to German where the English text is missing', async () => {
    const id = await incidentWithTimeline();
    // Written directly: the verbs fill an empty language, older imports may not have.
    await t.store.db
      .insertInto('incident_updates')
      .values({
        id: 'zz-german-only',
        incident_id: id,
        status: 'resolved',
        body_de: 'Nachtrag nur auf Deutsch.',
        body_en: '',
        visibility: 'public',
        created_at: '2026-11-20T13:00:00.000Z',
        author: 'noc',
      })
      .execute();
    const res = await get(`/incidents/${id}`, { 'accept-language': 'en' });
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('<h1>Local numbers unreachable</h1>');
    expect(res.body).toContain('Cause: disk failure.');
    expect(res.body).not.toContain('Ursache: Plattenausfall.');
    expect(res.body).toContain('Nachtrag nur auf Deutsch.');
    expect(res.body).toContain(
      '<span class="cn">Local numbers</span> <span class="st mo">Major outage</span>',
    );
  });

  it('shows an ongoing incident as ongoing', async () => {
    const { id } = await declareIncident({
      ctx: testContext(t.store, t.clock),
      input: {
        title: { de: 'Fax gestört', en: '' },
        components: [{ componentId: 'fax', status: 'degraded_performance' }],
        message: { de: 'Wir prüfen.', en: '' },
      },
    });
    t.clock.advance(45 * 60_000);
    const res = await get(`/incidents/${id}`);
    expect(res.body).toContain('<dt>Dauert bisher</dt><dd>45 min</dd>');
    expect(res.body).not.toContain('<dt>Behoben</dt>');
  });

  it('answers 404 with a page in the reader’s language for an unknown incident', async () => {
    const de = await get('/incidents/gibt-es-nicht');
    expect(de.statusCode).toBe(404);
    expect(de.headers['content-type']).toContain('text/html');
    expect(de.body).toContain('Eine Störung „gibt-es-nicht“ gibt es hier nicht.');
    const en = await get('/incidents/gibt-es-nicht', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('There is no incident “gibt-es-nicht” here.');
  });

  it('escapes titles and drops raw HTML from messages', async () => {
    const { id } = await declareIncident({
      ctx: testContext(t.store, t.clock),
      input: {
        title: { de: 'Ausfall <script>alert("x")</script>', en: '' },
        components: [{ componentId: 'fax', status: 'major_outage' }],
        message: {
          de: '**Fett** <iframe src="https://evil.example"></iframe><b onclick="x()">klick</b> [mehr](https://example.net)',
          en: '',
        },
      },
    });
    const res = await get(`/incidents/${id}`);
    expect(res.body).toContain('<h1>Ausfall &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;</h1>');
    expect(res.body).toContain('<strong>Fett</strong>');
    expect(res.body).toContain('<a href="https://example.net"');
    expect(res.body).not.toMatch(/<script|<iframe|onclick/i);
  });
});
