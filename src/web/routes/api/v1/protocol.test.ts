/**
 * The HTTP contract every /api/v1 endpoint shares: authentication before anything else, the error
 * shape in the reader's language, JSON only, size and rate limits, and never a 5xx for bad input.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken } from '#src/services/create-api-token.ts';
import { revokeApiToken } from '#src/services/revoke-api-token.ts';
import { apiToken, buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedMiniCatalog, testContext } from '../../../../../test/support/factories.ts';
import { apiV1Endpoints } from './index.ts';

let t: TestApp;
let auth: string;
beforeEach(async () => {
  t = await buildTestApp();
  await seedMiniCatalog(t.store);
  auth = await apiToken(t, 'operator');
});
afterEach(() => t.close());

const validDeclaration = {
  title: { de: 'Ausfall', en: 'Outage' },
  components: [{ component_id: 'fax', status: 'major_outage' }],
  message: { de: 'Wir prüfen.', en: 'Investigating.' },
};

describe('authentication', () => {
  it('answers 401 without a token, with an unknown one and with a revoked one', async () => {
    const ctx = testContext(t.store);
    const { token } = await createApiToken({ ctx, input: { name: 'old', role: 'admin' } });
    await revokeApiToken({ ctx, input: { name: 'old' } });
    for (const authorization of [undefined, 'Bearer dt_unknown', `Bearer ${token}`]) {
      const res = await t.app.inject({
        url: '/api/v1/incidents',
        headers: authorization ? { authorization } : {},
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: 'unauthorized', message: 'Bitte melden Sie sich an.', fields: [] },
      });
    }
  });

  it('checks the token before the body: an anonymous caller learns nothing about the schema', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/incidents', payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
  });

  it('answers 403 when the role does not suffice', async () => {
    const res = await t.app.inject({ url: '/api/v1/tokens', headers: { authorization: auth } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('leaves the OpenAPI document and the docs page public', async () => {
    expect((await t.app.inject({ url: '/api/v1/openapi.json' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/docs' })).statusCode).toBe(200);
  });
});

describe('errors', () => {
  it('answers 404 for unknown ids and paths', async () => {
    for (const url of [
      '/api/v1/incidents/nope',
      '/api/v1/maintenances/nope',
      '/api/v1/components/nope',
      '/api/v1/nope',
    ]) {
      const res = await t.app.inject({ url, headers: { authorization: auth } });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const update = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents/nope/updates',
      headers: { authorization: auth },
      payload: { status: 'identified', message: { en: 'x' } },
    });
    expect(update.statusCode).toBe(404);
  });

  it('reports every schema problem per field, in the language of Accept-Language', async () => {
    const payload = {
      title: { de: 'x', fr: 'y' },
      components: [{ component_id: 'fax', status: 'broken' }, { status: 'major_outage' }],
      message: 'plain string',
      visiblity: 'internal',
    };
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: auth, 'accept-language': 'en-GB,en;q=0.9' },
      payload,
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toBe('The input has errors.');
    const fields = Object.fromEntries(
      (en.json().error.fields as { path: string; message: string }[]).map((f) => [f.path, f.message]),
    );
    expect(fields).toEqual({
      visiblity: 'Unknown field.',
      'title.fr': 'Unknown field.',
      'components[0].status':
        'Invalid value "broken". Allowed: degraded_performance, partial_outage, major_outage.',
      'components[1].component_id': 'Required.',
      message: 'Expected: object.',
    });
    const de = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: auth, 'accept-language': 'de' },
      payload,
    });
    expect(de.json().error.fields).toContainEqual({ path: 'visiblity', message: 'Unbekanntes Feld.' });
  });

  it('names an over-long list once, with the faults of its first items, even for a 1 MiB list', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: auth, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: JSON.stringify({
        ...validDeclaration,
        components: Array.from({ length: 300_000 }, () => ({})),
      }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields[0]).toEqual({ path: 'components', message: 'At most 500 entries.' });
    expect(fields[1]).toEqual({ path: 'components[0].component_id', message: 'Required.' });
  });

  it('validates query parameters without rounding or guessing', async () => {
    const res = await t.app.inject({
      url: '/api/v1/incidents?page=2.5&per_page=0&status=closed',
      headers: { authorization: auth, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'status', message: 'Invalid value "closed". Allowed: open, resolved, all.' },
      { path: 'page', message: 'Expected: integer.' },
      { path: 'per_page', message: 'At least 1.' },
    ]);
  });

  it('answers malformed JSON with a 400 that says so', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: auth, 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"title": {"de": "x"',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'validation_failed',
      message: 'The input has errors.',
      fields: [{ path: '', message: 'The body is not valid JSON.' }],
    });
  });

  it('refuses bodies that are not JSON, forms included', async () => {
    for (const [type, payload] of [
      ['text/plain', 'declare it'],
      ['application/x-www-form-urlencoded', 'title=x'],
      ['application/xml', '<incident/>'],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: { authorization: auth, 'content-type': type!, 'accept-language': 'en' },
        payload,
      });
      expect([400, 415], type).toContain(res.statusCode);
      expect(res.json().error.fields).toEqual([{ path: '', message: 'Expected: application/json.' }]);
    }
  });

  it('answers 413 for a body over 1 MiB, before parsing it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...validDeclaration, message: { de: 'x'.repeat(1024 * 1024) } }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(await t.store.db.selectFrom('incidents').select('id').execute()).toHaveLength(0);
  });

  it('never answers a bad body with a 5xx, on any endpoint that takes one', async () => {
    const admin = await apiToken(t, 'admin');
    const bodies = [
      null,
      [],
      'text',
      42,
      true,
      {},
      { title: null, message: [], components: {} },
      { status: 7 },
    ];
    for (const e of apiV1Endpoints(t.deps).filter((x) => x.body)) {
      for (const body of bodies) {
        const res = await t.app.inject({
          method: e.method,
          url: `/api/v1${e.url.replace(':id', 'x')}`,
          headers: { authorization: admin, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, `${e.operationId} ${JSON.stringify(body)}`).toBe(400);
        expect(res.json().error.fields.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('rate limit', () => {
  it('allows 600 requests a minute per token, then answers 429 with Retry-After; other tokens go on', async () => {
    for (let i = 0; i < 600; i++) {
      const res = await t.app.inject({ url: '/api/v1/components/fax', headers: { authorization: auth } });
      if (res.statusCode !== 200) throw new Error(`request ${i} answered ${res.statusCode}`);
    }
    const limited = await t.app.inject({ url: '/api/v1/components/fax', headers: { authorization: auth } });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json().error.code).toBe('rate_limited');

    const other = await apiToken(t, 'operator');
    expect(
      (await t.app.inject({ url: '/api/v1/components/fax', headers: { authorization: other } })).statusCode,
    ).toBe(200);
  });

  it('counts failed authentication too: guessing tokens is limited per address', async () => {
    for (let i = 0; i < 600; i++) {
      await t.app.inject({ url: '/api/v1/components', headers: { authorization: `Bearer dt_guess${i}` } });
    }
    const res = await t.app.inject({
      url: '/api/v1/components',
      headers: { authorization: 'Bearer dt_guess' },
    });
    expect(res.statusCode).toBe(429);
  });
});
