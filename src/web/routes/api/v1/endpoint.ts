/**
 * @module One table entry per endpoint: method, path, who may call it, its schemas, an example
 * and the handler. The same entry registers the route (validation, serialisation, guard, rate
 * limit) and writes the OpenAPI document and the docs page, so they cannot drift apart.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Role } from '#src/services/context.ts';
import { requireRole } from '../../../plugins/guards.ts';

export type Tag =
  | 'components'
  | 'incidents'
  | 'maintenances'
  | 'tokens'
  | 'announcement'
  | 'monitors'
  | 'alerts'
  | 'meta';

export interface HandlerInput<P extends TSchema, Q extends TSchema, B extends TSchema> {
  params: Static<P>;
  query: Static<Q>;
  body: Static<B>;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface EndpointDef<P extends TSchema, Q extends TSchema, B extends TSchema> {
  method: 'GET' | 'POST';
  /** Below /api/v1, Fastify syntax (`/incidents/:id`). */
  url: string;
  /** Names the summary (`api.op.<id>`) and description (`api.opDesc.<id>`) message keys. */
  operationId: string;
  tag: Tag;
  /** Least role that may call it; null: public. */
  role: Role | null;
  params?: P;
  querystring?: Q;
  body?: B;
  /** Success status and body schema (none: free-form JSON); `html` for the docs page. */
  success: { status: 200 | 201; schema?: TSchema; html?: true };
  /** Whether the call can meet a state it may not change (409). */
  conflicts?: boolean;
  /** An example request body, shown in the docs and checked against `body` by the tests. */
  example?: Static<B>;
  handler(input: HandlerInput<P, Q, B>): Promise<unknown>;
}

export type Endpoint = EndpointDef<TSchema, TSchema, TSchema>;

/** Keeps the schema types for the handler and erases them for the table. */
export const endpoint = <P extends TSchema, Q extends TSchema, B extends TSchema>(
  def: EndpointDef<P, Q, B>,
): Endpoint => def as unknown as Endpoint;

/** TypeBox schemas carry hidden markers; Fastify, Ajv and OpenAPI readers get plain JSON Schema. */
export const plain = (schema: TSchema): Record<string, unknown> => JSON.parse(JSON.stringify(schema));

/** 600 a minute per token (per user for a console session, per IP address for the anonymous). */
export const apiRateLimit = {
  max: 600,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) =>
    request.actor?.id ? `${request.actor.type}:${request.actor.id}` : `ip:${request.ip}`,
};

export function registerEndpoint(api: FastifyInstance, e: Endpoint) {
  const guard = e.role ? requireRole(e.role) : null;
  api.route({
    method: e.method,
    url: e.url,
    schema: {
      ...(e.params ? { params: plain(e.params) } : {}),
      ...(e.querystring ? { querystring: plain(e.querystring) } : {}),
      ...(e.body ? { body: plain(e.body) } : {}),
      ...(e.success.schema ? { response: { [e.success.status]: plain(e.success.schema) } } : {}),
    },
    config: { rateLimit: apiRateLimit },
    // Checked before the body is read and validated (an anonymous caller learns nothing about the
    // schema), after the rate limit (which runs on request): guessing tokens is limited too.
    ...(guard
      ? {
          preParsing: async (request: FastifyRequest, reply: FastifyReply) => {
            await guard(request, reply);
          },
        }
      : {}),
    handler: async (request, reply) => {
      reply.code(e.success.status);
      return e.handler({
        params: request.params,
        query: request.query,
        body: request.body,
        request,
        reply,
      });
    },
  });
}
