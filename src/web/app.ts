/**
 * @module buildApp(deps): the web layer, registered in an explicit order so that what runs
 * before a route is visible here: parsers → request context (language, zone, who, security
 * headers) → CSRF → routes → error handling.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { assetRoutes } from './assets.ts';
import type { AppDeps } from './deps.ts';
import { frameworkErrorHandler, registerErrorHandling } from './errors.ts';
import { csrf } from './plugins/csrf.ts';
import { requestContext } from './plugins/request-context.ts';
import { consoleRoutes } from './routes/admin/index.ts';
import { apiV1Routes } from './routes/api/v1/index.ts';
import { apiV2Routes } from './routes/api/v2/index.ts';
import { healthRoutes } from './routes/health.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { feedRoutes } from './routes/public/feeds.ts';
import { publicRoutes } from './routes/public/index.ts';
import { StatusFastPath } from './routes/public/status-fast-path.ts';

export interface BuildAppOptions {
  /** A pino logger; tests pass none (silent). */
  logger?: Logger | false;
  /** How long the status page fast path trusts a confirmed copy (ms); tests lengthen it. */
  statusFreshMs?: number;
}

export type DialtoneApp = FastifyInstance & { statusFastPath: StatusFastPath };

/** Largest request body we accept (bytes): a catalog file or a long postmortem fits. */
export const bodyLimit = 1024 * 1024;

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<DialtoneApp> {
  // The crowd refreshing the status page is answered in front of Fastify (see status-fast-path.ts).
  const statusFastPath = new StatusFastPath({
    trustProxy: deps.config.trustProxy,
    ...(options.statusFreshMs ? { freshMs: options.statusFreshMs } : {}),
  });
  const app = Fastify({
    serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
      const server = createServer((req, res) => {
        if (!statusFastPath.serve(req, res)) handler(req, res);
      });
      // Fastify's own default when it creates the server: keep idle connections 72 s (s × 1000).
      server.keepAliveTimeout = 72_000;
      return server;
    },
    loggerInstance: options.logger || undefined,
    logger: options.logger ? undefined : false,
    trustProxy: deps.config.trustProxy,
    bodyLimit,
    // Unknown fields are an error, not silently dropped (a misspelt "visibility" must not publish
    // an internal note); types are not coerced behind the caller's back.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
    frameworkErrors: frameworkErrorHandler,
    routerOptions: { ignoreTrailingSlash: true },
  } as never) as unknown as FastifyInstance;

  await app.register(cookie);
  await app.register(formbody, { bodyLimit });
  await app.register(rateLimit, { global: false });
  await requestContext(app, deps);
  await csrf(app);
  registerErrorHandling(app);

  await assetRoutes(app);
  await healthRoutes(app, deps);
  await metricsRoutes(app, deps);
  await publicRoutes(app, deps, statusFastPath);
  await feedRoutes(app, deps);
  await consoleRoutes(app, deps);
  await apiV1Routes(app, deps);
  await apiV2Routes(app, deps);
  return Object.assign(app, { statusFastPath });
}
