/**
 * @module Public pages: status page, incident pages, history, maintenance. The feeds live in
 * feeds.ts and are registered by app.ts on their own.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';
import { optOutRoutes } from './opt-out.ts';
import { publicPageRoutes } from './pages.ts';
import { partnerRoutes } from './partner.ts';
import { reportRoutes } from './report.ts';
import { selfCheckRoutes } from './self-check.ts';
import { statusPageRoute } from './status.ts';
import type { StatusFastPath } from './status-fast-path.ts';
import { subscribeRoutes } from './subscribe.ts';

export async function publicRoutes(app: FastifyInstance, deps: AppDeps, statusFastPath?: StatusFastPath) {
  await statusPageRoute(app, deps, statusFastPath);
  await publicPageRoutes(app, deps);
  await selfCheckRoutes(app, deps);
  await reportRoutes(app, deps);
  await optOutRoutes(app, deps);
  await partnerRoutes(app, deps);
  await subscribeRoutes(app, deps);
}
