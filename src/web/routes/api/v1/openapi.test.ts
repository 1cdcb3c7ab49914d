import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../../../package.json' with { type: 'json' };
import { buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { plain } from './endpoint.ts';
import { apiV1Endpoints } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Operation = {
  operationId: string;
  tags: string[];
  parameters: { name: string; in: string }[];
  responses: Record<string, unknown>;
  security?: unknown[];
};

/** Method + path of every route Fastify has under /api/v1, read from its route tree. */
function registeredApiRoutes(app: TestApp['app']): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + (depth > 0 && !m[2]!.startsWith('/') ? '/' : '') + m[2];
    stack.push(path.replace(/\/\/+/g, '/'));
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) {
      routes.push(`${method} ${stack[depth]}`);
    }
  }
  return routes.filter((r) => r.split(' ')[1]!.startsWith('/api/v1/')).sort();
}

describe('the OpenAPI document', () => {
  let doc: {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components: {
      securitySchemes: Record<string, { type: string; scheme: string }>;
      schemas: Record<string, unknown>;
    };
    security: unknown[];
    tags: { name: string }[];
  };
  beforeAll(async () => {
    doc = (await t.app.inject({ url: '/api/v1/openapi.json', headers: { 'accept-language': 'en' } })).json();
  });

  it('is OpenAPI 3.1 with the bearer scheme and the package version', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'dialtone', version: packageJson.version });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });
  });

  it('documents exactly the routes Fastify serves under /api/v1', () => {
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .sort();
    const served = registeredApiRoutes(t.app);
    expect(served.length).toBeGreaterThanOrEqual(16);
    expect(documented).toEqual(served);
  });

  it('has well-formed operations: unique ids, declared path parameters, known tags, resolvable refs', () => {
    const ids = new Set<string>();
    const tags = new Set(doc.tags.map((x) => x.name));
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops)) {
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
        for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1])) {
          expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
        }
        expect(op.tags.every((x) => tags.has(x))).toBe(true);
        expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      }
    }
    for (const ref of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)) {
      expect(doc.components.schemas[ref[1]!]).toBeDefined();
    }
    expect(doc.paths['/openapi.json']?.get?.security).toEqual([]);
    expect(Object.keys(doc.paths['/incidents/{id}/resolve']!.post!.responses)).toEqual([
      '200',
      '400',
      '401',
      '404',
      '409',
      '413',
      '429',
    ]);
  });

  it('translates summaries for German readers', async () => {
    const de = (await t.app.inject({ url: '/api/v1/openapi.json?lang=de' })).json();
    expect(de.paths['/incidents'].post.summary).toBe('Störung eröffnen');
    expect(doc.paths['/incidents']!.post).toMatchObject({ summary: 'Declare an incident' });
  });

  it('gives every endpoint with a body an example that its own schema accepts', () => {
    for (const e of apiV1Endpoints(t.deps).filter((x) => x.body)) {
      expect(e.example, e.operationId).toBeDefined();
      expect([...Compile(plain(e.body!) as TSchema).Errors(e.example)], e.operationId).toEqual([]);
    }
  });
});

describe('the docs page', () => {
  it('lists every endpoint with method, path, schemas and a curl example, in German and English', async () => {
    const de = await t.app.inject({ url: '/api/v1/docs' });
    expect(de.statusCode).toBe(200);
    expect(de.headers['content-type']).toContain('text/html');
    expect(de.body).toContain('<html lang="de">');
    expect(de.body).not.toContain('<script');
    for (const e of apiV1Endpoints(t.deps)) {
      expect(de.body).toContain(`<code>${e.method} /api/v1${e.url.replace(/:(\w+)/g, '{$1}')}</code>`);
    }
    expect(de.body).toContain('Störung eröffnen');
    expect(de.body).toContain('curl -sS -X POST &#39;http://status.example.net/api/v1/incidents&#39;');
    expect(de.body).toContain('Authorization: Bearer $DIALTONE_TOKEN');
    expect(de.body).toContain('&#34;component_id&#34;: &#34;sip-trunk&#34;');

    const en = await t.app.inject({ url: '/api/v1/docs', headers: { 'accept-language': 'en' } });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Declare an incident');
    expect(en.body).toContain('Possible errors');
  });
});
