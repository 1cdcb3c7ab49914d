/**
 * @module HTTP caching of public pages: strong ETags from the bytes sent, `If-None-Match` → 304,
 * and the headers that tell browsers and proxies how long a copy may be used.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface RenderedPage {
  body: Buffer;
  /** Strong validator: a hash of exactly these bytes. */
  etag: string;
}

export function renderedPage(html: string): RenderedPage {
  const body = Buffer.from(html, 'utf8');
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/**
 * 30 s: an outage page must not show yesterday's truth for long, yet a crowd refreshing during
 * an outage (and any proxy in front) should mostly get a copy or a 304. Pages differ by language
 * (Accept-Language or the language cookie), hence the Vary.
 */
const shared = 'public, max-age=30';
/** A response that sets a preference cookie (`?lang=`, `?tz=`) must not land in a shared cache. */
const personal = 'private, no-cache';

/** `If-None-Match` holds a list of tags (or `*`); comparison is weak, as RFC 9110 asks. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((raw) => {
    const tag = raw.trim();
    return tag === '*' || tag.replace(/^W\//, '') === bare;
  });
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: RenderedPage) {
  const query = request.query as Record<string, unknown>;
  const setsPreference = query.lang !== undefined || query.tz !== undefined;
  reply
    .header('etag', page.etag)
    .header('vary', 'Accept-Language, Cookie')
    .header('cache-control', setsPreference ? personal : shared)
    .type('text/html; charset=utf-8');
  if (matchesIfNoneMatch(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
  return reply.send(page.body);
}
