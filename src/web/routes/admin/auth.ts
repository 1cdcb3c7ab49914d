/**
 * @module Console: auth.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleAuthRoutes(_app: FastifyInstance, _deps: AppDeps) {}
