import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { apiToken, buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedMiniCatalog } from '../../../../../test/support/factories.ts';
import { describeEachStore } from '../../../../../test/support/stores.ts';
import { plain } from './endpoint.ts';
import { ComponentList, Incident, IncidentPage } from './schemas.ts';

let t: TestApp;
let auth: string;
beforeEach(async () => {
  t = await buildTestApp();
  await seedMiniCatalog(t.store);
  auth = await apiToken(t, 'operator');
});
afterEach(() => t.close());

/** Every answer must match the schema the OpenAPI document publishes for it. */
const conforms = (schema: TSchema, value: unknown) => [...Compile(plain(schema) as TSchema).Errors(value)];

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { authorization: auth, ...headers }, payload });
const get = (url: string) => t.app.inject({ url, headers: { authorization: auth } });

async function statusOf(id: string) {
  const body = (await get(`/api/v1/components/${id}`)).json();
  return { status: body.status, cause: body.cause_component_id };
}

it('runs an incident through declare → internal update → resolve', async () => {
  const declared = await post('/api/v1/incidents', {
    title: { de: 'Medienserver Cottbus ausgefallen' },
    components: [{ component_id: 'media-cottbus', status: 'major_outage' }],
    message: { de: 'Wir untersuchen.', en: 'We are investigating.' },
  });
  expect(declared.statusCode).toBe(201);
  const incident = declared.json();
  expect(conforms(Incident, incident)).toEqual([]);
  expect(declared.headers.location).toBe(`/api/v1/incidents/${incident.id}`);
  expect(incident).toMatchObject({
    title: { de: 'Medienserver Cottbus ausgefallen', en: 'Medienserver Cottbus ausgefallen' },
    impact: 'critical',
    status: 'investigating',
    resolved_at: null,
    components: [{ component_id: 'media-cottbus', status: 'major_outage' }],
  });
  expect(incident.updates[0]).toMatchObject({
    visibility: 'public',
    author: expect.stringMatching(/^token:/),
  });
  expect(await statusOf('fax')).toEqual({ status: 'major_outage', cause: 'media-cottbus' });

  t.clock.advance(10 * 60_000);
  const updated = await post(`/api/v1/incidents/${incident.id}/updates`, {
    status: 'identified',
    message: { en: 'Disk controller failed.' },
    visibility: 'internal',
    components: [{ component_id: 'media-cottbus', status: 'partial_outage' }],
    impact: 'major',
  });
  expect(updated.statusCode).toBe(200);
  expect(updated.json()).toMatchObject({
    status: 'identified',
    impact: 'major',
    version: 2,
    components: [{ component_id: 'media-cottbus', status: 'partial_outage' }],
  });
  expect(updated.json().updates[0]).toMatchObject({
    status: 'identified',
    visibility: 'internal',
    message: { de: 'Disk controller failed.', en: 'Disk controller failed.' },
  });
  // Staff read internal updates through the API.
  expect((await get(`/api/v1/incidents/${incident.id}`)).json().updates).toHaveLength(2);
  expect(await statusOf('fax')).toEqual({ status: 'partial_outage', cause: 'media-cottbus' });

  t.clock.advance(10 * 60_000);
  const resolved = await post(`/api/v1/incidents/${incident.id}/resolve`, {
    message: { de: 'Behoben.', en: 'Resolved.' },
  });
  expect(resolved.statusCode).toBe(200);
  expect(resolved.json()).toMatchObject({ status: 'resolved', resolved_at: '2026-11-20T10:20:00.000Z' });
  expect(await statusOf('fax')).toEqual({ status: 'operational', cause: null });

  const again = await post(`/api/v1/incidents/${incident.id}/updates`, {
    status: 'monitoring',
    message: { en: 'x' },
  });
  expect(again.statusCode).toBe(409);
  expect(again.json().error.code).toBe('invalid_transition');

  const audit = await t.store.db
    .selectFrom('audit_log')
    .select(['action', 'actor_type'])
    .orderBy('id')
    .execute();
  expect(audit).toEqual([
    { action: 'incident.declare', actor_type: 'api_token' },
    { action: 'incident.update', actor_type: 'api_token' },
    { action: 'incident.resolve', actor_type: 'api_token' },
  ]);
});

it("names the verb's field errors in the API's own paths and writes nothing", async () => {
  const res = await post(
    '/api/v1/incidents',
    {
      title: { de: ' ', en: '' },
      components: [
        { component_id: 'fax', status: 'major_outage' },
        { component_id: 'fax', status: 'major_outage' },
        { component_id: 'moon', status: 'partial_outage' },
      ],
      message: { en: 'x' },
    },
    { 'accept-language': 'en' },
  );
  expect(res.statusCode).toBe(400);
  expect(res.json().error.fields).toEqual([
    { path: 'title.de', message: 'Please fill in at least one language.' },
    { path: 'components[1].component_id', message: 'Component "fax" is given twice.' },
    { path: 'components[2].component_id', message: 'Unknown component "moon".' },
  ]);
  expect(await t.store.db.selectFrom('incidents').select('id').execute()).toHaveLength(0);
});

it('lists incidents by status, newest first, page by page', async () => {
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    t.clock.advance(60_000);
    const res = await post('/api/v1/incidents', {
      title: { en: `incident ${n}` },
      components: [{ component_id: 'sip-trunk', status: 'degraded_performance' }],
      message: { en: 'm' },
      visibility: 'internal',
    });
    ids.push(res.json().id);
  }
  await post(`/api/v1/incidents/${ids[0]}/resolve`, { message: { en: 'done' } });

  const open = (await get('/api/v1/incidents?status=open')).json();
  expect(conforms(IncidentPage, open)).toEqual([]);
  expect(open.incidents.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
  expect(open.incidents[0].updates[0].visibility).toBe('internal');

  const page2 = (await get('/api/v1/incidents?page=2&per_page=2')).json();
  expect(page2).toMatchObject({ page: 2, per_page: 2, total: 3, pages: 2 });
  expect(page2.incidents.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
  const resolved = (await get('/api/v1/incidents?status=resolved')).json();
  expect(resolved.incidents.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
});

it('lists components with group, site, dependencies and derived status', async () => {
  const res = await get('/api/v1/components');
  expect(res.statusCode).toBe(200);
  expect(conforms(ComponentList, res.json())).toEqual([]);
  const fax = res.json().components.find((c: { id: string }) => c.id === 'fax');
  expect(fax).toMatchObject({
    status: 'operational',
    group: { id: 'voice', name: { de: 'Telefonie', en: 'Voice' } },
    site: { id: 'cottbus' },
    depends_on: ['local-numbers'],
    services: [],
  });
});

describeEachStore('concurrent resolution over the API', (getStore) => {
  it('lets exactly one of two concurrent resolutions succeed (200 and 409)', async () => {
    const app = await buildTestApp({ store: getStore() });
    await seedMiniCatalog(getStore());
    const token = await apiToken(app, 'operator');
    const call = (url: string, payload: object) =>
      app.app.inject({ method: 'POST', url, headers: { authorization: token }, payload });
    const { id } = (
      await call('/api/v1/incidents', {
        title: { en: 'x' },
        components: [{ component_id: 'fax', status: 'partial_outage' }],
        message: { en: 'm' },
      })
    ).json();
    const answers = await Promise.all([
      call(`/api/v1/incidents/${id}/resolve`, { message: { en: 'a' } }),
      call(`/api/v1/incidents/${id}/resolve`, { message: { en: 'b' } }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('invalid_transition');
    const resolves = await getStore()
      .db.selectFrom('incident_updates')
      .select('id')
      .where('incident_id', '=', id)
      .where('status', '=', 'resolved')
      .execute();
    expect(resolves).toHaveLength(1);
    await app.close();
  });
});
