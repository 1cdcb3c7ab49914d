/**
 * @module Console: audit.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function consoleAuditRoutes(_app: FastifyInstance, _deps: AppDeps) {}
