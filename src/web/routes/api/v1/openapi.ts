/**
 * @module The OpenAPI 3.1 document of /api/v1, written from the endpoint table: the schemas in it
 * are the very ones requests are validated with and responses serialised with. Summaries and
 * descriptions are in the reader's language (`?lang=de|en` or Accept-Language).
 */

import { errorStatus } from '#src/domain/errors.ts';
import packageJson from '../../../../../package.json' with { type: 'json' };
import { isMessageKey, type MessageKey, type Translate } from '../../../i18n/index.ts';
import type { Endpoint } from './endpoint.ts';
import { plain } from './endpoint.ts';
import { ErrorBody } from './schemas.ts';

export const apiBase = '/api/v1';

type Json = Record<string, unknown>;

/** `/incidents/:id/updates` → `/incidents/{id}/updates`. */
export const openApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** Error statuses an endpoint can answer with, from what it declares. */
export function errorStatusesOf(e: Endpoint): number[] {
  const statuses = new Set<number>();
  if (e.params || e.querystring || e.body) statuses.add(400);
  if (e.role) statuses.add(401);
  if (e.role === 'admin') statuses.add(403);
  if (e.params) statuses.add(404);
  if (e.conflicts) statuses.add(409);
  if (e.body) statuses.add(413);
  statuses.add(429);
  return [...statuses].sort((a, b) => a - b);
}

/** Replaces `description`s that are message keys with their text, at any depth. */
export function translateSchema(schema: unknown, t: Translate): unknown {
  if (Array.isArray(schema)) return schema.map((s) => translateSchema(s, t));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === 'description' && typeof v === 'string' && isMessageKey(v) ? t(v) : translateSchema(v, t);
  }
  return out;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description: string;
  schema: Json;
}

export function parametersOf(e: Endpoint, t: Translate): Parameter[] {
  const from = (where: 'path' | 'query', schema: unknown): Parameter[] => {
    if (!schema) return [];
    const s = translateSchema(plain(schema as never), t) as {
      properties: Record<string, Json>;
      required?: string[];
    };
    return Object.entries(s.properties).map(([name, prop]) => {
      const { description, ...rest } = prop;
      return {
        name,
        in: where,
        required: where === 'path' || (s.required ?? []).includes(name),
        description: String(description ?? ''),
        schema: rest,
      };
    });
  };
  return [...from('path', e.params), ...from('query', e.querystring)];
}

const statusCodeOf: Record<number, string> = Object.fromEntries(
  Object.entries(errorStatus).map(([code, status]) => [status, code]),
);

function operation(e: Endpoint, t: Translate): Json {
  const errorResponses = Object.fromEntries(
    errorStatusesOf(e).map((s) => [
      String(s),
      {
        description: t(`api.docs.code.${statusCodeOf[s]}` as MessageKey),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );
  const success = e.success.html
    ? { content: { 'text/html': { schema: { type: 'string' } } } }
    : {
        content: {
          'application/json': {
            schema: e.success.schema ? translateSchema(plain(e.success.schema), t) : { type: 'object' },
          },
        },
      };
  return {
    operationId: e.operationId,
    tags: [e.tag],
    summary: t(`api.op.${e.operationId}` as MessageKey),
    description: t(`api.opDesc.${e.operationId}` as MessageKey),
    ...(e.role ? {} : { security: [] }),
    ...(e.role ? { 'x-dialtone-role': e.role } : {}),
    parameters: parametersOf(e, t),
    ...(e.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: translateSchema(plain(e.body), t),
                ...(e.example ? { example: e.example } : {}),
              },
            },
          },
        }
      : {}),
    responses: {
      [String(e.success.status)]: { description: t(`api.op.${e.operationId}` as MessageKey), ...success },
      ...errorResponses,
    },
  };
}

export function openApiDocument(endpoints: readonly Endpoint[], t: Translate, publicUrl: string): Json {
  const paths: Record<string, Json> = {};
  for (const e of endpoints) {
    const path = openApiPath(e.url);
    paths[path] = { ...paths[path], [e.method.toLowerCase()]: operation(e, t) };
  }
  const tags = [...new Set(endpoints.map((e) => e.tag))].map((name) => ({
    name,
    description: t(`api.tag.${name}` as MessageKey),
  }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'dialtone',
      version: packageJson.version,
      description: `${t('api.docs.intro')}\n\n${t('api.docs.limits')}`,
      license: { name: packageJson.license, identifier: packageJson.license },
    },
    servers: [{ url: `${publicUrl}${apiBase}` }],
    security: [{ bearer: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'dt_…', description: t('api.docs.auth') },
      },
      schemas: { Error: translateSchema(plain(ErrorBody), t) },
    },
  };
}
