/**
 * @module The staff console under /console.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleRoutes(_app: FastifyInstance, _deps: AppDeps) {}
