/**
 * @module Console: users.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleUserRoutes(_app: FastifyInstance, _deps: AppDeps) {}
