/**
 * @module REST API /api/v1 for integrations, authenticated by API tokens (`Authorization: Bearer
 * dt_…`). Registered in its own scope so that its request handling can be stricter than the
 * rest of the app: only JSON bodies (forms and plain text are refused), malformed JSON is a 400
 * with a translated message, and validation reports every unknown or wrong field (see
 * validation.ts). Every route, plus the OpenAPI document and the docs page, comes from one table.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DialtoneError } from '#src/domain/errors.ts';
import type { AppDeps } from '#src/web/deps.ts';
import { alertmanagerEndpoints } from './alertmanager.ts';
import { announcementEndpoints } from './announcement.ts';
import { componentEndpoints } from './components.ts';
import { renderDocsPage } from './docs-page.ts';
import { type Endpoint, endpoint, registerEndpoint } from './endpoint.ts';
import { heartbeatEndpoints } from './heartbeat.ts';
import { incidentCloudEndpoints } from './incident-clouds.ts';
import { incidentEndpoints } from './incidents.ts';
import { maintenanceEndpoints } from './maintenances.ts';
import { monitorEndpoints } from './monitors.ts';
import { apiBase, openApiDocument } from './openapi.ts';
import { tokenEndpoints } from './tokens.ts';
import { validatorCompiler } from './validation.ts';

/** Every endpoint of /api/v1, in the order the documentation lists them. */
export function apiV1Endpoints(deps: AppDeps): Endpoint[] {
  const endpoints: Endpoint[] = [
    ...componentEndpoints(deps),
    ...incidentEndpoints(deps),
    ...incidentCloudEndpoints(deps),
    ...maintenanceEndpoints(deps),
    ...tokenEndpoints(deps),
    ...announcementEndpoints(deps),
    ...monitorEndpoints(deps),
    ...heartbeatEndpoints(deps),
    ...alertmanagerEndpoints(deps),
  ];
  const meta: Endpoint[] = [
    endpoint({
      method: 'GET',
      url: '/openapi.json',
      operationId: 'getOpenApi',
      tag: 'meta',
      role: null,
      success: { status: 200 },
      handler: async ({ request }) => openApiDocument(all, request.t, deps.config.publicUrl),
    }),
    endpoint({
      method: 'GET',
      url: '/docs',
      operationId: 'getDocs',
      tag: 'meta',
      role: null,
      success: { status: 200, html: true },
      async handler({ request, reply }) {
        reply.type('text/html; charset=utf-8');
        return renderDocsPage(request, all, deps.config.publicUrl);
      },
    }),
  ];
  const all = [...endpoints, ...meta];
  return all;
}

export async function apiV1Routes(app: FastifyInstance, deps: AppDeps) {
  await app.register(
    async (api) => {
      jsonOnly(api);
      api.setValidatorCompiler(validatorCompiler);
      for (const e of apiV1Endpoints(deps)) registerEndpoint(api, e);
    },
    { prefix: apiBase },
  );
}

/**
 * Only JSON bodies, parsed by Fastify's own parser (which refuses `__proto__` tricks); its errors
 * become a translated 400. Other content types get Fastify's 415, which the shared handler turns
 * into a 400 naming application/json. An empty body is no body (a bare `POST …/revoke`).
 */
function jsonOnly(api: FastifyInstance) {
  const parse = api.getDefaultJsonParser('error', 'error');
  api.removeAllContentTypeParsers();
  api.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (request: FastifyRequest, raw, done) => {
      const body = typeof raw === 'string' ? raw : raw.toString('utf8');
      if (body.trim() === '') return done(null, undefined);
      parse(request, body, (err: Error | null, value?: unknown) => {
        if (err) {
          done(
            new DialtoneError('validation_failed', 'error.validationFailed', {
              fields: [{ path: '', key: 'api.error.malformedJson' }],
            }),
            undefined,
          );
        } else {
          done(null, value);
        }
      });
    },
  );
}
