/**
 * @module Turns what `guardedFetch` returned into a channel's `SendResult`: whether the message
 * arrived, and if not, whether the outbox should try again later. Network trouble, timeouts, 408,
 * 425, 429 and 5xx can pass; a refused address or another 4xx (bad token, unknown room, gone
 * webhook) will fail the same way next time, so the message goes to the dead letters at once.
 */
import type { SendResult } from '#src/adapters/channels/channel.ts';
import type { FetchResult, GuardedResponse } from './guarded-fetch.ts';

const retryableStatuses = new Set([408, 425, 429]);

export const isRetryableStatus = (status: number): boolean => status >= 500 || retryableStatuses.has(status);

/** A short, single-line excerpt of a receiver's answer for the delivery log. */
export const excerpt = (body: string, max = 200): string => body.replace(/\s+/g, ' ').trim().slice(0, max);

export function sendResultOf(
  result: FetchResult,
  accept: (response: GuardedResponse) => boolean = (r) => r.status >= 200 && r.status < 300,
): SendResult {
  if (!result.ok) {
    const retryable = result.kind === 'network' || result.kind === 'timeout';
    return { ok: false, retryable, detail: `${result.kind}: ${result.detail}` };
  }
  const { response } = result;
  if (accept(response)) return { ok: true, detail: `HTTP ${response.status}` };
  return {
    ok: false,
    retryable: isRetryableStatus(response.status),
    detail: `HTTP ${response.status} ${excerpt(response.body)}`.trim(),
  };
}
