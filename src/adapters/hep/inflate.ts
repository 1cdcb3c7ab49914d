/**
 * @module Decompresses HEP chunk 16 (gzip payload) with a size cap, so a small packet cannot
 * expand into megabytes (a "gzip bomb"). zlib's sync call does no I/O; it is kept out of the pure
 * decoder and passed in.
 */
import { gunzipSync, inflateSync } from 'node:zlib';
import type { Inflate } from './decode.ts';

/** No SIP message we accept is larger (bytes); the SIP parser refuses more anyway. */
export const maxInflatedBytes = 256 * 1024;

export function inflatePayload(compressed: Uint8Array, limit = maxInflatedBytes): ReturnType<Inflate> {
  // Capture agents use gzip framing (1f 8b) or a bare zlib stream; accept both.
  const gzip = compressed[0] === 0x1f && compressed[1] === 0x8b;
  try {
    const out = gzip
      ? gunzipSync(compressed, { maxOutputLength: limit })
      : inflateSync(compressed, { maxOutputLength: limit });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  } catch (err) {
    return (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'gzip_bomb' : 'bad_gzip';
  }
}

export const inflate: Inflate = (compressed) => inflatePayload(compressed);
