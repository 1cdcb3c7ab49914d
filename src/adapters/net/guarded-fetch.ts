/**
 * @module HTTP for every channel that posts to a URL someone configured. The connection's own
 * DNS lookup is replaced by one that checks each resolved address with the SSRF guard, so the
 * address connected to is the address checked (no rebinding window). Redirects are followed by
 * hand (at most `maxRedirects`) and each new URL is checked again. Never throws: a refusal, a
 * network error or a timeout is a result.
 *
 * @example
 * const r = await guardedFetch('https://hooks.slack.com/…', { method: 'POST', body }, { allowPrivate: false });
 * if (r.ok && r.response.status < 300) …
 */
import type { LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import {
  checkUrlShape,
  type OutboundPolicy,
  type RefusalReason,
  type Resolver,
  refuseAddress,
  systemResolver,
} from './ssrf-guard.ts';

export interface GuardedRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Whole exchange including redirects (ms). */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Bytes of response body kept; the rest is not read. */
  maxBodyBytes?: number;
}

export interface GuardedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The URL that answered (after redirects). */
  url: string;
}

export type FetchResult =
  | { ok: true; response: GuardedResponse }
  | { ok: false; kind: 'refused'; reason: RefusalReason; detail: string }
  | { ok: false; kind: 'network' | 'timeout' | 'too_many_redirects'; detail: string };

export interface GuardOptions extends OutboundPolicy {
  resolve?: Resolver;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

export async function guardedFetch(
  rawUrl: string,
  request: GuardedRequest,
  options: GuardOptions,
): Promise<FetchResult> {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? 10_000);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let url = rawUrl;
  let method = (request.method ?? 'GET').toUpperCase();
  let body = request.body;
  for (let hop = 0; hop <= (request.maxRedirects ?? 3); hop++) {
    // Literal addresses never reach the lookup hook, so they are checked here; names are checked
    // at connect time only (resolving twice would reopen the rebinding window between the two).
    const verdict = checkUrlShape(url, options);
    if (!verdict.ok) return { ok: false, kind: 'refused', reason: verdict.reason, detail: verdict.detail };
    const result = await exchange(verdict.url, method, request, body, signal, options);
    if (!result.ok) return result;
    const { response } = result;
    const location = response.headers.location;
    if (!redirectStatuses.has(response.status) || !location) return result;
    url = new URL(location, url).toString();
    if (
      response.status === 303 ||
      ((response.status === 301 || response.status === 302) && method === 'POST')
    ) {
      method = 'GET';
      body = undefined;
    }
  }
  return {
    ok: false,
    kind: 'too_many_redirects',
    detail: `more than ${request.maxRedirects ?? 3} redirects`,
  };
}

function exchange(
  url: URL,
  method: string,
  request: GuardedRequest,
  body: string | undefined,
  signal: AbortSignal,
  options: GuardOptions,
): Promise<FetchResult> {
  const resolve = options.resolve ?? systemResolver;
  let refusal: { reason: RefusalReason; detail: string } | null = null;
  const lookup = (
    hostname: string,
    opts: { all?: boolean },
    cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname).then(
      (addresses) => {
        for (const address of addresses) {
          const reason = refuseAddress(address, options);
          if (reason) {
            refusal = { reason, detail: `${hostname} → ${address} is ${reason}` };
            return cb(new Error(refusal.detail), '');
          }
        }
        if (addresses.length === 0) return cb(new Error(`${hostname} does not resolve`), '');
        if (opts.all)
          return cb(
            null,
            addresses.map((address) => ({ address, family: isIP(address) })),
          );
        const first = addresses[0] ?? '';
        cb(null, first, isIP(first));
      },
      (err: Error) => cb(err, ''),
    );
  };
  const headers: Record<string, string> = { 'user-agent': 'dialtone', ...request.headers };
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((done) => {
    const req = lib.request(url, { method, headers, lookup, signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const limit = request.maxBodyBytes ?? 64 * 1024;
      const finish = () => {
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = String(v);
        const text = Buffer.concat(chunks).toString('utf8').slice(0, limit);
        done({
          ok: true,
          response: { status: res.statusCode ?? 0, headers: flat, body: text, url: url.toString() },
        });
      };
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) chunks.push(chunk);
        else {
          res.destroy();
          finish();
        }
      });
      res.on('end', finish);
      res.on('error', (err) => done({ ok: false, kind: 'network', detail: err.message }));
    });
    req.on('error', (err) => {
      if (refusal) return done({ ok: false, kind: 'refused', ...refusal });
      if (signal.aborted) return done({ ok: false, kind: 'timeout', detail: 'timed out or cancelled' });
      done({ ok: false, kind: 'network', detail: err.message });
    });
    req.end(body);
  });
}
