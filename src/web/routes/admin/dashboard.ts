/**
 * @module Console: dashboard.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleDashboardRoutes(_app: FastifyInstance, _deps: AppDeps) {}
