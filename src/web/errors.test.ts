import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
  // A route with a plain JSON schema, validated by Fastify's Ajv like any route that keeps it.
  t.app.post(
    '/api/test-echo',
    {
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['status'],
          properties: { status: { type: 'string', enum: ['open', 'closed'] }, count: { type: 'integer' } },
        },
      },
    },
    async (request) => request.body,
  );
});
afterEach(async () => t.close());

const post = (payload: string, lang = 'en') =>
  t.app.inject({
    method: 'POST',
    url: '/api/test-echo',
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    payload,
  });

it('names every bad field, lists allowed values, refuses unknown fields and does not coerce', async () => {
  const res = await post('{"status":"maybe","count":"3","extra":1}');
  expect(res.statusCode).toBe(400);
  const { error } = res.json();
  expect(error.code).toBe('validation_failed');
  expect(error.fields).toEqual(
    expect.arrayContaining([
      { path: 'extra', message: 'Unknown field.' },
      { path: 'status', message: 'Allowed: open, closed.' },
      { path: 'count', message: 'Expected: integer.' },
    ]),
  );
});

it('answers malformed JSON with a 400 in the reader language, never a 5xx', async () => {
  const res = await post('{"status":', 'de');
  expect(res.statusCode).toBe(400);
  expect(res.json().error.message).toMatch(/^Die Anfrage ist fehlerhaft aufgebaut/);
});

it('answers an unknown API path with a JSON 404 and a page path with an HTML 404', async () => {
  const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
  expect(api.statusCode).toBe(404);
  expect(api.json().error.code).toBe('not_found');
  const page = await t.app.inject({
    method: 'GET',
    url: '/nothing-here',
    headers: { 'accept-language': 'en' },
  });
  expect(page.statusCode).toBe(404);
  expect(page.headers['content-type']).toContain('text/html');
  expect(page.body).toContain('Page not found');
});

it('answers an over-long id with a 404 and an undecodable URL with a 400, in the reader language', async () => {
  const long = await t.app.inject({
    url: `/incidents/${'x'.repeat(150)}`,
    headers: { 'accept-language': 'en' },
  });
  expect(long.statusCode).toBe(404);
  expect(long.body).toContain('Page not found');
  const api = await t.app.inject({ url: `/api/v1/incidents/${'x'.repeat(150)}` });
  expect(api.statusCode).toBe(404);
  expect(api.json().error.code).toBe('not_found');
  const bad = await t.app.inject({ url: '/incidents/%E0%A4%A', headers: { 'accept-language': 'de' } });
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain('fehlerhaft aufgebaut');
});
