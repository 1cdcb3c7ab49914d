/**
 * @module Group commit: callers add an item and wait until it is written; items that arrive while
 * a write is running go together into the next one. The delivery worker records each message's
 * outcome this way — one transaction (one fsync) for every lane that finished meanwhile — and a
 * lane still waits for its own message's record before it sends the next message.
 *
 * @example
 * const marks = createGroupCommit((items) => writeAll(items));
 * await marks.add(item); // resolves after the write that carried it committed
 */
export interface GroupCommit<T, R> {
  add(item: T): Promise<R>;
}

/**
 * `windowMs`: how long the first item waits for company before a write starts. With a synchronous
 * driver (node:sqlite) a write blocks the event loop, so without a window each write would carry
 * one item; a few ms let the answers of the other lanes arrive first.
 */
export function createGroupCommit<T, R>(
  write: (items: T[]) => Promise<R>,
  options: { windowMs?: number } = {},
): GroupCommit<T, R> {
  let queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  const flush = async () => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        const result = await write(batch.map((b) => b.item));
        for (const b of batch) b.resolve(result);
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    running = false;
  };
  return {
    add(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running) return;
        running = true;
        if (options.windowMs) setTimeout(() => void flush(), options.windowMs);
        else queueMicrotask(() => void flush());
      });
    },
  };
}
