/**
 * @module HTTP plumbing shared by the read API and the feeds: the reader's language (from the URL
 * and Accept-Language only, so a response varies on nothing a shared cache cannot see), strong
 * ETags over the exact bytes with 304 answers, and no cookies on cacheable responses.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validationError } from '#src/domain/errors.ts';
import { isLocale, type Locale, negotiateLocale } from '#src/web/i18n/index.ts';

/**
 * `?lang=de|en` wins, else Accept-Language, else German. The language cookie of the status page
 * is deliberately ignored: widgets and feed readers do not send it, and honouring it would make
 * a shared cache hand one reader's language to another. An unknown `lang` is a 400 that says so.
 */
export function readerLocale(request: FastifyRequest): Locale {
  const lang = (request.query as Record<string, unknown> | undefined)?.lang;
  if (lang === undefined) return negotiateLocale(request.headers['accept-language']);
  if (isLocale(lang)) return lang;
  throw validationError([{ path: 'lang', key: 'error.invalidValue', params: { value: String(lang) } }]);
}

/** A strong validator for a body: the same bytes give the same tag in every process. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** RFC 9110 If-None-Match: a list of tags (weak comparison) or `*`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

export interface Cacheable {
  body: string;
  etag: string;
  type: string;
  maxAgeSeconds: number;
}

/** Sends a body with its validators, or an empty 304 when the client already has these bytes. */
export function sendCacheable(request: FastifyRequest, reply: FastifyReply, c: Cacheable) {
  reply
    .header('etag', c.etag)
    .header('cache-control', `public, max-age=${c.maxAgeSeconds}`)
    .header('vary', 'Accept-Language');
  if (ifNoneMatchHits(request.headers['if-none-match'], c.etag)) return reply.code(304).send();
  return reply.type(c.type).send(c.body);
}

/**
 * onSend hook for public, cacheable responses: drops Set-Cookie (request-context remembers a
 * `?lang=` choice in a cookie, which a shared cache would then replay to everyone). Runs after
 * the cookie plugin's own onSend, which writes the header.
 */
export async function withoutCookies(_request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  reply.removeHeader('set-cookie');
  return payload;
}
