import { describe, expect, it } from 'vitest';
import { renderedPage } from './http-cache.ts';
import { RenderCache } from './render-cache.ts';

describe('RenderCache', () => {
  it('renders once for concurrent requests of one key and serves the copy until it expires', async () => {
    const cache = new RenderCache({ maxEntries: 4, ttlMs: 1000 });
    let renders = 0;
    const render = async () => renderedPage(`<p>${++renders}</p>`);
    const [a, b] = await Promise.all([cache.get('k', 0, render), cache.get('k', 0, render)]);
    expect(renders).toBe(1);
    expect(a).toBe(b);
    expect((await cache.get('k', 999, render)).body.toString()).toBe('<p>1</p>');
    expect((await cache.get('k', 1000, render)).body.toString()).toBe('<p>2</p>');
  });

  it('does not keep failures and drops the oldest entries beyond its size', async () => {
    const cache = new RenderCache({ maxEntries: 2, ttlMs: 1000 });
    await expect(cache.get('k', 0, async () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect((await cache.get('k', 0, async () => renderedPage('ok'))).body.toString()).toBe('ok');
    await cache.get('a', 0, async () => renderedPage('a'));
    await cache.get('b', 0, async () => renderedPage('b'));
    expect(cache.size).toBe(2);
    expect((await cache.get('k', 0, async () => renderedPage('again'))).body.toString()).toBe('again');
  });

  it('gives equal bytes equal strong ETags and different bytes different ones', () => {
    expect(renderedPage('x').etag).toBe(renderedPage('x').etag);
    expect(renderedPage('x').etag).not.toBe(renderedPage('y').etag);
    expect(renderedPage('x').etag).toMatch(/^"[^"]+"$/);
  });
});
