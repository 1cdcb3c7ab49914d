/**
 * @module Console: catalog.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleCatalogRoutes(_app: FastifyInstance, _deps: AppDeps) {}
