/**
 * @module Statuspage-compatible read API under /api/v2.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function apiV2Routes(_app: FastifyInstance, _deps: AppDeps) {}
