/**
 * @module Console: maintenance.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleMaintenanceRoutes(_app: FastifyInstance, _deps: AppDeps) {}
