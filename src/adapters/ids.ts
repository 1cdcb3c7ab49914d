/**
 * @module Time-sortable ids: 10 characters of milliseconds since the epoch in base 32 (Crockford),
 * then 16 random ones. Lexicographic order equals creation order within a process and almost
 * always across processes; ids are lowercase so they read well in URLs.
 */
import { randomBytes } from 'node:crypto';
import type { IdGenerator } from '#src/domain/runtime.ts';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

export function createIdGenerator(now: () => number = Date.now): IdGenerator {
  let lastTime = -1;
  let counter = 0;
  return () => {
    let t = now();
    // Same millisecond twice: count up so that order still holds within this process.
    if (t <= lastTime) {
      counter++;
      t = lastTime;
    } else {
      counter = 0;
      lastTime = t;
    }
    let time = '';
    let v = t;
    for (let i = 0; i < 10; i++) {
      time = alphabet[v % 32] + time;
      v = Math.floor(v / 32);
    }
    const seq = alphabet[(counter >> 10) & 31]! + alphabet[(counter >> 5) & 31]! + alphabet[counter & 31]!;
    const rnd = randomBytes(13);
    let tail = '';
    for (const b of rnd) tail += alphabet[b & 31];
    return time + seq + tail;
  };
}
