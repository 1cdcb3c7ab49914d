/**
 * @module Feeds: Atom and RSS of incidents and maintenance, iCalendar of maintenance.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function feedRoutes(_app: FastifyInstance, _deps: AppDeps) {}
