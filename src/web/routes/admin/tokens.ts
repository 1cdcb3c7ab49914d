/**
 * @module Console: tokens.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleTokenRoutes(_app: FastifyInstance, _deps: AppDeps) {}
