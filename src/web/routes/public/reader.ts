/**
 * @module The reader of a public page (language, zone, translator, page name) and the checks on
 * what readers put in URLs: page numbers and ids.
 */
import type { FastifyRequest } from 'fastify';
import { DialtoneError } from '#src/domain/errors.ts';
import type { AppDeps } from '#src/web/deps.ts';
import type { MessageKey } from '#src/web/i18n/index.ts';
import type { Reader } from '#src/web/views/public/parts.ts';

export const readerOf = (request: FastifyRequest, deps: AppDeps): Reader => ({
  t: request.t,
  locale: request.locale,
  timeZone: request.timeZone,
  pageName: deps.config.pageName,
});

/** `?page=` as a whole number from 1 (absent: 1); anything else is the reader's mistake (400). */
export function pageParam(request: FastifyRequest): number {
  const raw = (request.query as Record<string, unknown>).page;
  if (raw === undefined || raw === '') return 1;
  if (typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw)) return Number(raw);
  const params = { value: String(raw).slice(0, 40) };
  throw new DialtoneError('validation_failed', 'public.badPage', {
    params,
    fields: [{ path: 'page', key: 'public.badPage', params }],
  });
}

/** A page number past the end is a page that does not exist. */
export function assertPageExists(page: number, pages: number) {
  if (page > pages) throw new DialtoneError('not_found', 'public.noSuchPage', { params: { page, pages } });
}

/** A not-found that names the thing in the reader's language. */
const notFoundAs = (key: MessageKey, id: string) => new DialtoneError('not_found', key, { params: { id } });

/** Rethrows a service's not_found as notFoundAs(key); other errors pass unchanged. */
export function translateNotFound(key: MessageKey, id: string) {
  return (error: unknown): never => {
    if (error instanceof DialtoneError && error.code === 'not_found') throw notFoundAs(key, id);
    throw error;
  };
}
