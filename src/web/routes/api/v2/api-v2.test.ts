import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { postIncidentUpdate } from '#src/services/post-incident-update.ts';
import { postMaintenanceUpdate } from '#src/services/post-maintenance-update.ts';
import { resolveIncident } from '#src/services/resolve-incident.ts';
import { scheduleMaintenance } from '#src/services/schedule-maintenance.ts';
import { buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedMiniCatalog, testContext } from '../../../../../test/support/factories.ts';
import { describeEachStore } from '../../../../../test/support/stores.ts';

const endpoints = [
  'summary.json',
  'status.json',
  'components.json',
  'incidents.json',
  'incidents/unresolved.json',
  'scheduled-maintenances.json',
  'scheduled-maintenances/upcoming.json',
  'scheduled-maintenances/active.json',
];
const secret = 'INTERNAL-NOTE-7731';
const offsetIso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/;

// The endpoints read through their own queries too (load.ts): run them on both stores.
describeEachStore('/api/v2', (getStore) => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  async function get(path: string, headers: Record<string, string> = {}) {
    return t.app.inject({ method: 'GET', url: `/api/v2/${path}`, headers });
  }

  beforeAll(async () => {
    t = await buildTestApp({ store: getStore() });
    await seedMiniCatalog(t.store);
    const ctx = testContext(t.store, t.clock);
    const add = (title: string, componentId: string, status: string) =>
      declareIncident({
        ctx,
        input: {
          title: { de: `${title} (de)`, en: `${title} (en)` },
          components: [{ componentId, status }],
          message: { de: 'Wir prüfen.', en: 'We are checking.' },
        },
      });
    ids.old = (await add('Old trunk trouble', 'sip-trunk', 'degraded_performance')).id;
    t.clock.advance(60_000);
    await resolveIncident({
      ctx,
      input: { incidentId: ids.old!, message: { de: 'Behoben.', en: 'Fixed.' } },
    });
    t.clock.advance(60_000);
    ids.open = (await add('Media server down', 'media-cottbus', 'major_outage')).id;
    t.clock.advance(60_000);
    await postIncidentUpdate({
      ctx,
      input: {
        incidentId: ids.open!,
        status: 'identified',
        message: { de: secret, en: secret },
        visibility: 'internal',
      },
    });
    const window = (title: string, startMin: number, endMin: number) =>
      scheduleMaintenance({
        ctx,
        input: {
          title: { de: `${title} (de)`, en: `${title} (en)` },
          message: { de: 'Angekündigt.', en: 'Announced.' },
          componentIds: ['fax'],
          scheduledStart: new Date(t.clock().getTime() + startMin * 60_000).toISOString(),
          scheduledEnd: new Date(t.clock().getTime() + endMin * 60_000).toISOString(),
        },
      });
    ids.upcoming = (await window('Upcoming fax work', 24 * 60, 26 * 60)).id;
    ids.running = (await window('Running fax work', 0, 120)).id;
    ids.cancelled = (await window('Called off', 48 * 60, 49 * 60)).id;
    await postMaintenanceUpdate({
      ctx,
      input: {
        maintenanceId: ids.cancelled!,
        status: 'cancelled',
        message: { de: 'Abgesagt.', en: 'Called off.' },
      },
    });
  });
  afterAll(async () => t.close());

  describe('/api/v2 shapes', () => {
    it('summary.json has page, components, unresolved incidents, maintenance and status', async () => {
      const res = await get('summary.json');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual([
        'components',
        'incidents',
        'page',
        'scheduled_maintenances',
        'status',
      ]);
      expect(Object.keys(body.page).sort()).toEqual(['id', 'name', 'time_zone', 'updated_at', 'url']);
      expect(body.page).toMatchObject({
        name: 'dialtone',
        url: 'http://status.example.net',
        time_zone: 'Europe/Berlin',
      });
      expect(body.page.id).toMatch(/^[0-9a-z]{12}$/);
      expect(body.page.updated_at).toMatch(offsetIso);
      expect(body.status).toEqual({ indicator: 'critical', description: 'Schwerer Systemausfall' });
      expect(body.incidents.map((i: { id: string }) => i.id)).toEqual([ids.open]);
      expect(body.scheduled_maintenances.map((m: { id: string }) => m.id)).toEqual([
        ids.running,
        ids.upcoming,
      ]);
    });

    it('components.json lists the group and its members with Statuspage fields', async () => {
      const { components, page } = (await get('components.json')).json();
      const group = components[0];
      expect(group).toMatchObject({ id: 'voice', group: true, status: 'major_outage', group_id: null });
      expect(group.components).toEqual(['media-cottbus', 'local-numbers', 'fax', 'sip-trunk']);
      const fields = [
        'created_at',
        'description',
        'group',
        'group_id',
        'id',
        'name',
        'only_show_if_degraded',
        'page_id',
        'position',
        'showcase',
        'start_date',
        'status',
        'updated_at',
      ];
      for (const c of components.slice(1)) {
        expect(Object.keys(c).sort()).toEqual(fields);
        expect(c).toMatchObject({ group_id: 'voice', page_id: page.id, group: false });
        expect([
          'operational',
          'degraded_performance',
          'partial_outage',
          'major_outage',
          'under_maintenance',
        ]).toContain(c.status);
      }
      const byId = Object.fromEntries(
        components.map((c: { id: string; status: string }) => [c.id, c.status]),
      );
      // local-numbers depends on media-cottbus; fax is in maintenance but also behind the outage.
      expect(byId).toMatchObject({
        'media-cottbus': 'major_outage',
        'local-numbers': 'major_outage',
        'sip-trunk': 'operational',
      });
    });

    it('incidents.json has every incident newest first; unresolved.json only open ones', async () => {
      const all = (await get('incidents.json')).json().incidents;
      expect(all.map((i: { id: string }) => i.id)).toEqual([ids.open, ids.old]);
      const old = all[1];
      expect(old).toMatchObject({ status: 'resolved', impact: 'minor', name: 'Old trunk trouble (de)' });
      expect(old.resolved_at).toMatch(offsetIso);
      expect(old.incident_updates.map((u: { status: string }) => u.status)).toEqual([
        'resolved',
        'investigating',
      ]);
      expect(Object.keys(old).sort()).toEqual([
        'components',
        'created_at',
        'id',
        'impact',
        'incident_updates',
        'monitoring_at',
        'name',
        'page_id',
        'resolved_at',
        'shortlink',
        'started_at',
        'status',
        'updated_at',
      ]);
      expect(old.shortlink).toBe(`http://status.example.net/incidents/${ids.old}`);
      const open = (await get('incidents/unresolved.json')).json().incidents;
      expect(open.map((i: { id: string }) => i.id)).toEqual([ids.open]);
      expect(open[0].components.map((c: { id: string }) => c.id)).toEqual(['media-cottbus']);
    });

    it('scheduled maintenance endpoints split by state with Statuspage statuses', async () => {
      const all = (await get('scheduled-maintenances.json')).json().scheduled_maintenances;
      const statusOf = Object.fromEntries(all.map((m: { id: string; status: string }) => [m.id, m.status]));
      expect(statusOf).toEqual({
        [ids.upcoming!]: 'scheduled',
        [ids.running!]: 'in_progress',
        [ids.cancelled!]: 'completed',
      });
      for (const m of all) {
        expect(m.impact).toBe('maintenance');
        expect(m.scheduled_for).toMatch(offsetIso);
        expect(m.scheduled_until).toMatch(offsetIso);
      }
      const upcoming = (await get('scheduled-maintenances/upcoming.json')).json().scheduled_maintenances;
      expect(upcoming.map((m: { id: string }) => m.id)).toEqual([ids.upcoming]);
      const active = (await get('scheduled-maintenances/active.json')).json().scheduled_maintenances;
      expect(active.map((m: { id: string }) => m.id)).toEqual([ids.running]);
      expect(active[0].components[0]).toMatchObject({ id: 'fax' });
    });

    it('never shows internal updates', async () => {
      for (const path of endpoints) {
        const res = await get(path);
        expect(res.statusCode).toBe(200);
        expect(res.body).not.toContain(secret);
      }
      const open = (await get('incidents/unresolved.json')).json().incidents[0];
      expect(open.incident_updates.map((u: { status: string }) => u.status)).toEqual(['investigating']);
      expect(open.updated_at).toBe(open.created_at);
    });
  });

  describe('/api/v2 language', () => {
    it('defaults to German, follows Accept-Language, and ?lang= wins', async () => {
      expect((await get('status.json')).json().status.description).toBe('Schwerer Systemausfall');
      const en = await get('status.json', { 'accept-language': 'en-GB,en;q=0.8' });
      expect(en.json().status.description).toBe('Major System Outage');
      const forced = await get('incidents/unresolved.json?lang=en', { 'accept-language': 'de' });
      expect(forced.json().incidents[0].name).toBe('Media server down (en)');
      expect(forced.headers['set-cookie']).toBeUndefined();
    });

    it('refuses an unknown language with a field error', async () => {
      const res = await get('status.json?lang=fr', { 'accept-language': 'en' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation_failed',
        fields: [{ path: 'lang', message: 'Invalid value "fr".' }],
      });
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });
  });

  describe('/api/v2 HTTP', () => {
    it('is readable cross-origin and cacheable on every endpoint', async () => {
      for (const path of endpoints) {
        const res = await get(path, { origin: 'https://customer.example.org' });
        expect(res.headers['access-control-allow-origin']).toBe('*');
        expect(res.headers['cache-control']).toBe('public, max-age=30');
        expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
        expect(res.headers.vary).toContain('Accept-Language');
      }
      const head = await t.app.inject({ method: 'HEAD', url: '/api/v2/status.json' });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers.etag).toBe((await get('status.json')).headers.etag);
      const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/v2/summary.json' });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('*');
      const missing = await get('nope.json');
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['access-control-allow-origin']).toBe('*');
    });

    it('answers 304 to a matching If-None-Match and a new ETag after a change', async () => {
      const first = await get('summary.json');
      const etag = first.headers.etag as string;
      const again = await get('summary.json', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['access-control-allow-origin']).toBe('*');
      expect((await get('summary.json', { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
      expect((await get('summary.json', { 'if-none-match': '"other"' })).statusCode).toBe(200);
      const english = await get('summary.json?lang=en', { 'if-none-match': etag });
      expect(english.statusCode).toBe(200);
      expect(english.headers.etag).not.toBe(etag);

      t.clock.advance(60_000);
      await postIncidentUpdate({
        ctx: testContext(t.store, t.clock),
        input: {
          incidentId: ids.open!,
          status: 'monitoring',
          message: { de: 'Beobachten.', en: 'Watching.' },
        },
      });
      const changed = await get('summary.json', { 'if-none-match': etag });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(changed.json().incidents[0]).toMatchObject({ status: 'monitoring' });
      expect(changed.json().incidents[0].monitoring_at).toMatch(offsetIso);
    });
  });
});
