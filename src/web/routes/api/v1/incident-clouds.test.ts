import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { apiToken, buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedMiniCatalog } from '../../../../../test/support/factories.ts';
import { plain } from './endpoint.ts';
import { IncidentClouds } from './incident-clouds.ts';

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
  t.app.inject({ method: 'POST', url, headers: { authorization: auth }, payload });
const get = (url: string) => t.app.inject({ url, headers: { authorization: auth } });

const declare = (clouds?: string[]) =>
  post('/api/v1/incidents', {
    title: { de: 'Cloud gestört' },
    components: [{ component_id: 'media-cottbus', status: 'major_outage' }],
    message: { de: 'Wir prüfen.' },
    ...(clouds ? { clouds } : {}),
  });

it('declares with clouds, reads and replaces them', async () => {
  const declared = await declare(['A.example-cloud.com']);
  expect(declared.statusCode).toBe(201);
  const id = declared.json().id as string;
  const read = await get(`/api/v1/incidents/${id}/clouds`);
  expect(read.json()).toEqual({ incident_id: id, clouds: ['a.example-cloud.com'] });
  expect(conforms(IncidentClouds, read.json())).toEqual([]);
  const set = await post(`/api/v1/incidents/${id}/clouds`, {
    clouds: ['b.example-cloud.com', 'c.example-cloud.com'],
  });
  expect(set.statusCode).toBe(200);
  expect(set.json().clouds).toEqual(['b.example-cloud.com', 'c.example-cloud.com']);
  const cleared = await post(`/api/v1/incidents/${id}/clouds`, { clouds: [] });
  expect(cleared.json().clouds).toEqual([]);
});

it('names a bad cloud by its API path; unknown incidents are 404; resolved ones 409', async () => {
  const bad = await declare(['not a host']);
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['clouds']);
  expect((await get('/api/v1/incidents/nope/clouds')).statusCode).toBe(404);
  expect((await post('/api/v1/incidents/nope/clouds', { clouds: [] })).statusCode).toBe(404);
  const id = (await declare()).json().id as string;
  await post(`/api/v1/incidents/${id}/resolve`, { message: { de: 'Behoben.' } });
  expect((await post(`/api/v1/incidents/${id}/clouds`, { clouds: ['a.example-cloud.com'] })).statusCode).toBe(
    409,
  );
});
