/**
 * @module HTTP delivery of public pages: strong ETags from the bytes sent, `If-None-Match` → 304,
 * the headers that tell browsers and proxies how long a copy may be used, and compressed copies
 * for browsers that accept them (a 25 KB status page travels as a few KB: it matters on a phone
 * on mobile data during an outage). Compressed copies are made once per rendering and kept.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type Encoding = 'br' | 'gzip' | 'identity';

interface Variant {
  body: Buffer;
  /** Strong validator: a hash of the page, distinct per encoding (the bytes differ). */
  etag: string;
}

/** Below this, compressing saves less than the headers it needs (bytes). */
const minCompressBytes = 1024;

export class RenderedPage {
  readonly body: Buffer;
  readonly etag: string;
  readonly #hash: string;
  readonly #encoded = new Map<Encoding, Variant>();

  constructor(html: string) {
    this.body = Buffer.from(html, 'utf8');
    this.#hash = createHash('sha256').update(this.body).digest('base64url').slice(0, 27);
    this.etag = `"${this.#hash}"`;
  }

  /** The page in an encoding; identity when compressing would not pay. */
  as(encoding: Encoding): Variant & { encoding: Encoding } {
    if (encoding === 'identity' || this.body.length < minCompressBytes) {
      return { body: this.body, etag: this.etag, encoding: 'identity' };
    }
    let v = this.#encoded.get(encoding);
    if (!v) {
      // Fast settings: the page is compressed once per rendering, on the request path.
      const body =
        encoding === 'br'
          ? brotliCompressSync(this.body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 5,
                [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length,
              },
            })
          : gzipSync(this.body, { level: 6 });
      v = { body, etag: `"${this.#hash}-${encoding}"` };
      this.#encoded.set(encoding, v);
    }
    return { ...v, encoding };
  }
}

export const renderedPage = (html: string) => new RenderedPage(html);

/** Brotli, then gzip, when Accept-Encoding allows them (`q=0` refuses, `*` stands for others). */
export function negotiateEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name.trim(), weight ? Number(weight.slice(2)) || 0 : 1);
  }
  const accepts = (e: string) => (q.get(e) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}

/**
 * 30 s: an outage page must not show yesterday's truth for long, yet a crowd refreshing during
 * an outage (and any proxy in front) should mostly get a copy or a 304. Pages differ by language
 * (Accept-Language or the language cookie) and encoding, hence the Vary.
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

/** The headers of a public page: validator, caching, content type (shared with the fast path). */
export function publicPageHeaders(variant: { etag: string }, setsPreference: boolean): [string, string][] {
  return [
    ['etag', variant.etag],
    ['vary', 'Accept-Language, Cookie, Accept-Encoding'],
    ['cache-control', setsPreference ? personal : shared],
    ['content-type', 'text/html; charset=utf-8'],
  ];
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: RenderedPage) {
  const query = request.query as Record<string, unknown>;
  const setsPreference = query.lang !== undefined || query.tz !== undefined;
  const variant = page.as(negotiateEncoding(request.headers['accept-encoding']));
  for (const [name, value] of publicPageHeaders(variant, setsPreference)) reply.header(name, value);
  if (matchesIfNoneMatch(request.headers['if-none-match'], variant.etag)) return reply.code(304).send();
  if (variant.encoding !== 'identity') reply.header('content-encoding', variant.encoding);
  return reply.send(variant.body);
}
