/**
 * @module The status page for the crowd, without the framework. During an outage most requests
 * are anonymous `GET /` from people refreshing; the route (status.ts) renders and caches the page,
 * and this handler, sitting in front of Fastify in the HTTP server, answers repeats of the same
 * request straight from that copy: same bytes, same headers, same ETag/304 and encoding rules.
 *
 * Why: measured on the benchmark machine, Fastify's per-request work (routing, hooks, reply)
 * costs as much CPU as everything else together, which caps the status page at well under the
 * throughput target (see docs/BENCHMARKS.md).
 *
 * When it answers: GET or HEAD of exactly `/`, no cookie, no Authorization, no query; the copy for
 * the reader's language in the default zone was confirmed current within the last `freshMs`
 * (the route confirms it each time it reads the change mark). A change made through this process
 * (any POST, PUT, PATCH or DELETE) forgets every copy at once; a change made elsewhere (the CLI,
 * another process on the same PostgreSQL, the maintenance scheduler) shows after at most
 * `freshMs`, well inside the page's own `max-age`. Everything else goes to Fastify.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Locale, localeFromHeader } from '#src/web/i18n/index.ts';
import { securityHeaderList } from '#src/web/plugins/security-headers.ts';
import {
  type Encoding,
  matchesIfNoneMatch,
  negotiateEncoding,
  publicPageHeaders,
  type RenderedPage,
} from './http-cache.ts';

interface Copy {
  page: RenderedPage;
  /** When the route last confirmed this copy is what it would send now (ms, monotonic). */
  confirmedAt: number;
  /** Ready-made answers per encoding and scheme, built on first use. */
  answers: Map<string, Answer>;
}

interface Answer {
  etag: string;
  body: Buffer;
  ok: Record<string, string | number>;
  notModified: Record<string, string | number>;
}

function answerFor(page: RenderedPage, encoding: Encoding, secure: boolean): Answer {
  const variant = page.as(encoding);
  const common = Object.fromEntries([...securityHeaderList(secure), ...publicPageHeaders(variant, false)]);
  return {
    etag: variant.etag,
    body: variant.body,
    notModified: common,
    ok: {
      ...common,
      ...(variant.encoding === 'identity' ? {} : { 'content-encoding': variant.encoding }),
      'content-length': variant.body.length,
    },
  };
}

export interface StatusFastPathOptions {
  /** How long a confirmation holds (ms). */
  freshMs?: number;
  /** Whether requests arrive over TLS (behind a trusted proxy: from X-Forwarded-Proto). */
  trustProxy: boolean;
  now?: () => number;
}

export class StatusFastPath {
  readonly #copies = new Map<Locale, Copy>();
  readonly #freshMs: number;
  readonly #trustProxy: boolean;
  readonly #now: () => number;
  /** Answers given here, for tests and operators' curiosity. */
  served = 0;

  constructor(options: StatusFastPathOptions) {
    this.#freshMs = options.freshMs ?? 250;
    this.#trustProxy = options.trustProxy;
    this.#now = options.now ?? (() => performance.now());
  }

  /** The route says: for this language in the default zone, this is the current page. */
  confirm(locale: Locale, page: RenderedPage): void {
    const known = this.#copies.get(locale);
    // Same page again: keep the ready-made answers, only renew the confirmation.
    if (known?.page === page) known.confirmedAt = this.#now();
    else this.#copies.set(locale, { page, confirmedAt: this.#now(), answers: new Map() });
  }

  /** Something may have changed: the next request of every reader goes through the route. */
  forget(): void {
    this.#copies.clear();
  }

  /** Answers the request if it can (returns true); otherwise leaves it untouched for Fastify. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // Any write may change what the page shows: from now on, ask the route again.
      this.forget();
      return false;
    }
    if (req.url !== '/' || req.headers.cookie !== undefined || req.headers.authorization !== undefined)
      return false;
    const locale = localeFromHeader(req.headers['accept-language']);
    const copy = this.#copies.get(locale);
    if (!copy || this.#now() - copy.confirmedAt > this.#freshMs) return false;
    const encoding = encodingOf(req.headers['accept-encoding']);
    const secure = this.#trustProxy && req.headers['x-forwarded-proto'] === 'https';
    const key = secure ? `${encoding}+tls` : encoding;
    let answer = copy.answers.get(key);
    if (!answer) {
      answer = answerFor(copy.page, encoding, secure);
      copy.answers.set(key, answer);
    }
    this.served++;
    if (matchesIfNoneMatch(req.headers['if-none-match'], answer.etag)) {
      res.writeHead(304, answer.notModified).end();
      return true;
    }
    res.writeHead(200, answer.ok);
    res.end(req.method === 'HEAD' ? undefined : answer.body);
    return true;
  }
}

/** Like the languages, browsers send few distinct Accept-Encoding values: negotiate each once. */
const encodings = new Map<string, Encoding>();
function encodingOf(header: string | undefined): Encoding {
  if (header === undefined) return 'identity';
  let e = encodings.get(header);
  if (!e) {
    e = negotiateEncoding(header);
    if (encodings.size > 1000) encodings.clear();
    encodings.set(header, e);
  }
  return e;
}
