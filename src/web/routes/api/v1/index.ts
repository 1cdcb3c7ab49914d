/**
 * @module REST API /api/v1 with tokens and the OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '#src/web/deps.ts';

export async function apiV1Routes(_app: FastifyInstance, _deps: AppDeps) {}
