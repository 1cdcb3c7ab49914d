/**
 * @module Public pages: status page, incident pages, history, maintenance, feeds.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function publicRoutes(_app: FastifyInstance, _deps: AppDeps) {}
