/**
 * @module Console: templates.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleTemplateRoutes(_app: FastifyInstance, _deps: AppDeps) {}
