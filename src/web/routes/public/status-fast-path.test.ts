import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { declareIncident } from '#src/services/declare-incident.ts';
import { apiToken, buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { seedMiniCatalog, testContext } from '../../../../test/support/factories.ts';
import { renderedPage } from './http-cache.ts';
import { StatusFastPath } from './status-fast-path.ts';

describe('status page fast path (real HTTP server)', () => {
  let t: TestApp;
  let base: string;
  const served = () => (t.app as unknown as { statusFastPath: StatusFastPath }).statusFastPath.served;

  beforeAll(async () => {
    // A slow machine must not turn a repeat into a miss: freshness is tested with its own clock below.
    t = await buildTestApp({ statusFreshMs: 600_000 });
    await seedMiniCatalog(t.store);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => t.close());

  const get = (headers: Record<string, string> = {}) =>
    fetch(`${base}/`, { headers: { 'accept-encoding': 'identity', ...headers } });
  const headerSet = (r: Response) =>
    Object.fromEntries(
      [
        'etag',
        'vary',
        'cache-control',
        'content-type',
        'content-security-policy',
        'x-frame-options',
        'content-length',
      ].map((h) => [h, r.headers.get(h)]),
    );

  it('answers repeats from the route’s copy with the same bytes and headers', async () => {
    const first = await get();
    const firstBody = await first.text();
    expect(served()).toBe(0);
    const second = await get();
    expect(served()).toBe(1);
    expect(await second.text()).toBe(firstBody);
    expect(headerSet(second)).toEqual(headerSet(first));
    const etag = first.headers.get('etag')!;
    const revalidated = await get({ 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(served()).toBe(2);
  });

  it('keeps languages and encodings apart and leaves cookie and query requests to the route', async () => {
    const before = served();
    const en = await get({ 'accept-language': 'en' });
    expect(await en.text()).toContain('lang="en"');
    expect(served()).toBe(before);
    const enAgain = await get({ 'accept-language': 'en-GB,en;q=0.9' });
    expect(await enAgain.text()).toContain('lang="en"');
    expect(served()).toBe(before + 1);
    const br = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('etag')).toMatch(/-br"$/);
    await get({ cookie: 'dt_lang=de' });
    await fetch(`${base}/?lang=de`);
    expect(served()).toBe(before + 2);
  });

  it('shows a change made through this server at once', async () => {
    await get();
    const authorization = await apiToken(t);
    const declared = await fetch(`${base}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: { de: 'Faxstörung Cottbus', en: 'Fax outage Cottbus' },
        components: [{ component_id: 'fax', status: 'major_outage' }],
        message: { de: 'Wir prüfen.', en: 'Checking.' },
      }),
    });
    expect(declared.status).toBe(201);
    expect(await (await get()).text()).toContain('Faxstörung Cottbus');
  });
});

describe('StatusFastPath freshness', () => {
  it('stops answering once its confirmation is older than freshMs, and after any write', () => {
    let now = 0;
    const fast = new StatusFastPath({ trustProxy: false, freshMs: 250, now: () => now });
    const res = () => {
      const r = { status: 0, headers: {} as Record<string, unknown>, body: undefined as unknown };
      return Object.assign(r, {
        writeHead(status: number, headers: Record<string, unknown>) {
          r.status = status;
          r.headers = headers;
          return this;
        },
        end(body?: unknown) {
          r.body = body;
        },
      });
    };
    const req = (method = 'GET', headers: Record<string, string> = {}) =>
      ({ method, url: '/', headers }) as never;
    expect(fast.serve(req(), res() as never)).toBe(false);
    fast.confirm('de', renderedPage('<!doctype html><html lang="de"></html>'));
    const r = res();
    expect(fast.serve(req(), r as never)).toBe(true);
    expect(r.status).toBe(200);
    now = 251;
    expect(fast.serve(req(), res() as never)).toBe(false);
    fast.confirm('de', renderedPage('<p>x</p>'));
    expect(fast.serve(req('POST'), res() as never)).toBe(false);
    expect(fast.serve(req(), res() as never)).toBe(false);
    fast.confirm('de', renderedPage('<p>x</p>'));
    expect(fast.serve(req('GET', { authorization: 'Bearer x' }), res() as never)).toBe(false);
    expect(fast.serve(req('GET', { cookie: 'a=b' }), res() as never)).toBe(false);
  });
});
