/**
 * @module Message boundaries on a SIP stream (TCP, TLS; RFC 3261 §18.3): the header section
 * ends at the first blank line and Content-Length (mandatory on streams; missing = 0) gives the
 * body. Pure: feed it the bytes received so far, it says what is complete.
 *
 * @example
 * const r = takeSipFrame(buffer);
 * if (r.kind === 'frame') { handle(r.frame); buffer = r.rest; }
 */
import { findHeaderEnd, maxSipMessageBytes } from './message.ts';

export type FrameResult =
  | { kind: 'frame'; frame: Uint8Array; rest: Uint8Array }
  | { kind: 'incomplete' }
  /** The stream cannot be resynchronised: close the connection. */
  | { kind: 'invalid'; reason: 'too-large' | 'bad-content-length' };

const decoder = new TextDecoder('utf-8', { fatal: false });

export function takeSipFrame(buffer: Uint8Array): FrameResult {
  let start = 0;
  // Keep-alive CRLFs between messages (RFC 5626 §3.5.1) are skipped.
  while (start < buffer.length && (buffer[start] === 13 || buffer[start] === 10)) start++;
  const end = findHeaderEnd(buffer, start);
  if (!end) {
    return buffer.length - start > maxSipMessageBytes
      ? { kind: 'invalid', reason: 'too-large' }
      : { kind: 'incomplete' };
  }
  const head = decoder.decode(buffer.subarray(start, end.headEnd));
  const length = contentLength(head);
  if (length === undefined) return { kind: 'invalid', reason: 'bad-content-length' };
  const total = end.bodyStart + length;
  if (total - start > maxSipMessageBytes) return { kind: 'invalid', reason: 'too-large' };
  if (buffer.length < total) return { kind: 'incomplete' };
  return { kind: 'frame', frame: buffer.subarray(start, total), rest: buffer.subarray(total) };
}

/** Content-Length (or compact `l`) of a header section; 0 when absent, undefined when malformed. */
function contentLength(head: string): number | undefined {
  const m = /(?:^|\n)(?:content-length|l)[ \t]*:[ \t]*([^\r\n]*)/i.exec(head);
  if (!m) return 0;
  const value = m[1]!.trim();
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
