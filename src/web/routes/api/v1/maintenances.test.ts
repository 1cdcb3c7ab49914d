import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { apiToken, buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedMiniCatalog } from '../../../../../test/support/factories.ts';
import { plain } from './endpoint.ts';
import { Maintenance, MaintenanceList } from './schemas.ts';

let t: TestApp;
let auth: string;
beforeEach(async () => {
  t = await buildTestApp();
  await seedMiniCatalog(t.store);
  auth = await apiToken(t, 'operator');
});
afterEach(() => t.close());

const conforms = (schema: TSchema, value: unknown) => [...Compile(plain(schema) as TSchema).Errors(value)];
const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: { authorization: auth, 'accept-language': 'en' }, payload });
const get = (url: string) => t.app.inject({ url, headers: { authorization: auth } });

const window = {
  title: { de: 'Update der Vermittlung', en: 'Switch update' },
  message: { de: 'Kurze Abbrüche möglich.' },
  component_ids: ['sip-trunk'],
  // The test clock stands at 2026-11-20T10:00Z; a window from 12:00 to 13:00 Berlin time.
  scheduled_start: '2026-11-20T12:00:00+01:00',
  scheduled_end: '2026-11-20T13:00:00+01:00',
};

it('schedules a window and moves it on by hand: start, verify, complete; then refuses to reopen it', async () => {
  const created = await post('/api/v1/maintenances', window);
  expect(created.statusCode).toBe(201);
  const m = created.json();
  expect(conforms(Maintenance, m)).toEqual([]);
  expect(created.headers.location).toBe(`/api/v1/maintenances/${m.id}`);
  expect(m).toMatchObject({
    status: 'scheduled',
    scheduled_start: '2026-11-20T11:00:00.000Z',
    scheduled_end: '2026-11-20T12:00:00.000Z',
    component_ids: ['sip-trunk'],
    updates: [
      { status: 'scheduled', message: { de: 'Kurze Abbrüche möglich.', en: 'Kurze Abbrüche möglich.' } },
    ],
  });
  const upcoming = (await get('/api/v1/maintenances?filter=upcoming')).json();
  expect(conforms(MaintenanceList, upcoming)).toEqual([]);
  expect(upcoming.maintenances.map((x: { id: string }) => x.id)).toEqual([m.id]);

  const started = await post(`/api/v1/maintenances/${m.id}/updates`, {
    status: 'in_progress',
    message: { en: 'Started early.' },
  });
  expect(started.statusCode).toBe(200);
  expect(started.json()).toMatchObject({ status: 'in_progress', started_at: '2026-11-20T10:00:00.000Z' });
  expect((await get('/api/v1/components/sip-trunk')).json()).toMatchObject({
    status: 'under_maintenance',
    maintenance_ids: [m.id],
  });
  expect((await get('/api/v1/maintenances?filter=active')).json().maintenances).toHaveLength(1);

  expect((await post(`/api/v1/maintenances/${m.id}/updates`, { status: 'verifying' })).statusCode).toBe(200);
  const done = await post(`/api/v1/maintenances/${m.id}/updates`, {
    status: 'completed',
    message: { en: 'Done.' },
  });
  expect(done.json()).toMatchObject({ status: 'completed', completed_at: '2026-11-20T10:00:00.000Z' });
  expect((await get('/api/v1/components/sip-trunk')).json().status).toBe('operational');

  const reopen = await post(`/api/v1/maintenances/${m.id}/updates`, { status: 'in_progress' });
  expect(reopen.statusCode).toBe(409);
  expect(reopen.json().error).toMatchObject({
    code: 'invalid_transition',
    message: 'A maintenance in state "completed" cannot move to "in_progress".',
  });
  expect((await get('/api/v1/maintenances?filter=past')).json().maintenances).toHaveLength(1);
  expect(
    (await get(`/api/v1/maintenances/${m.id}`)).json().updates.map((u: { status: string }) => u.status),
  ).toEqual(['completed', 'in_progress', 'scheduled']);
});

it("refuses a bad window with the API's field names and writes nothing", async () => {
  const res = await post('/api/v1/maintenances', {
    ...window,
    component_ids: ['sip-trunk', 'moon'],
    scheduled_end: '2026-11-20T11:00:00+01:00',
  });
  expect(res.statusCode).toBe(400);
  expect(res.json().error.fields).toEqual([
    { path: 'scheduled_end', message: 'The end must be after the start.' },
    { path: 'component_ids[1]', message: 'Unknown component "moon".' },
  ]);
  const badDate = await post('/api/v1/maintenances', { ...window, scheduled_start: 'tomorrow 9am' });
  expect(badDate.json().error.fields).toEqual([{ path: 'scheduled_start', message: 'Invalid date.' }]);
  expect(await t.store.db.selectFrom('maintenances').select('id').execute()).toHaveLength(0);
});

it('starts a window at once when its start has passed', async () => {
  const res = await post('/api/v1/maintenances', {
    ...window,
    scheduled_start: '2026-11-20T09:00:00Z',
    scheduled_end: '2026-11-20T11:00:00Z',
  });
  expect(res.json().status).toBe('in_progress');
});
