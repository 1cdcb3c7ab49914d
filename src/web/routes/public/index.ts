/**
 * @module Public pages: status page, incident pages, history, maintenance. The feeds live in
 * feeds.ts and are registered by app.ts on their own.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';
import { publicPageRoutes } from './pages.ts';
import { statusPageRoute } from './status.ts';

export async function publicRoutes(app: FastifyInstance, deps: AppDeps) {
  await statusPageRoute(app, deps);
  await publicPageRoutes(app, deps);
}
