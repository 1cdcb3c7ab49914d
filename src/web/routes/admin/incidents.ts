/**
 * @module Console: incidents.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleIncidentRoutes(_app: FastifyInstance, _deps: AppDeps) {}
