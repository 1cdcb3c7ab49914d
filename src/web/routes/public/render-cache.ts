/**
 * @module In-memory cache of rendered pages. The key holds everything a rendering depends on
 * (the change mark, language, zone, local date, page name), so a state change makes a new key;
 * entries also expire after a short time because a running outage's downtime keeps growing
 * without any state change. Concurrent misses for one key render once.
 */
import type { RenderedPage } from './http-cache.ts';

export class RenderCache {
  readonly #entries = new Map<string, { page: RenderedPage; at: number }>();
  readonly #pending = new Map<string, Promise<RenderedPage>>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;

  constructor(options: { maxEntries: number; ttlMs: number }) {
    this.#maxEntries = options.maxEntries;
    this.#ttlMs = options.ttlMs;
  }

  async get(key: string, nowMs: number, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    const hit = this.#entries.get(key);
    if (hit && nowMs - hit.at < this.#ttlMs) return hit.page;
    const running = this.#pending.get(key);
    if (running) return running;
    const promise = render().then(
      (page) => {
        this.#store(key, page, nowMs);
        return page;
      },
      (error: unknown) => {
        this.#pending.delete(key);
        throw error;
      },
    );
    this.#pending.set(key, promise);
    return promise;
  }

  #store(key: string, page: RenderedPage, at: number) {
    this.#pending.delete(key);
    this.#entries.delete(key);
    // Zones come from readers (`?tz=`), so keys are unbounded: drop the oldest beyond the limit.
    while (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    this.#entries.set(key, { page, at });
  }

  get size(): number {
    return this.#entries.size;
  }
}
