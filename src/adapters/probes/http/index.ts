/**
 * @module HTTP(S) probe: one request, the status checked against accepted ranges, optionally the
 * body searched for a keyword. Redirects are not followed unless asked (a redirect to a login
 * page is usually the fault being looked for). Never throws: every failure is a result.
 *
 * @example
 * await probeHttp({ url: 'https://portal.example.net/health', timeoutMs: 2000, accept: '200-299', keyword: 'ok' });
 * // → { outcome: 'up', rttMs: 38, code: 200, detail: 'HTTP 200' }
 */
import { codeAccepted, parseCodeRanges } from '#src/domain/monitor.ts';
import type { ProbeOptions, ProbeResult } from '../probe.ts';

export interface HttpProbeSettings {
  url: string;
  timeoutMs: number;
  /** Accepted status codes, `200-299,404`. */
  accept?: string;
  /** Text the body must contain (case-sensitive). */
  keyword?: string;
  followRedirects?: boolean;
  method?: 'GET' | 'HEAD';
}

/** Body bytes searched for the keyword; a health page is small, a huge page is not read whole. */
const maxBodyBytes = 1024 * 1024;

export async function probeHttp(
  settings: HttpProbeSettings,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const started = performance.now();
  const rtt = () => Math.round(performance.now() - started);
  const ranges = parseCodeRanges(settings.accept ?? '200-299') ?? [[200, 299]];
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await fetch(settings.url, {
      method: settings.method ?? 'GET',
      redirect: settings.followRedirects ? 'follow' : 'manual',
      signal,
      headers: { 'user-agent': 'dialtone-monitor' },
    });
    const code = response.status;
    if (!codeAccepted(ranges, code)) {
      await response.body?.cancel();
      const where = response.headers.get('location');
      const detail = `HTTP ${code} not accepted (${settings.accept ?? '200-299'})${where ? ` → ${where}` : ''}`;
      return { outcome: 'down', rttMs: rtt(), code, detail };
    }
    if (settings.keyword) {
      if (!(await bodyContains(response, settings.keyword))) {
        return { outcome: 'down', rttMs: rtt(), code, detail: `HTTP ${code} but keyword not found` };
      }
    } else await response.body?.cancel();
    return { outcome: 'up', rttMs: rtt(), code, detail: `HTTP ${code}` };
  } catch (err) {
    if (options.signal?.aborted) return { outcome: 'down', rttMs: rtt(), detail: 'aborted' };
    if (timeout.aborted)
      return { outcome: 'down', rttMs: rtt(), detail: `timeout after ${settings.timeoutMs} ms` };
    return { outcome: 'down', rttMs: rtt(), detail: describeError(err) };
  }
}

/** Reads the body up to maxBodyBytes, stopping as soon as the keyword appears. */
async function bodyContains(response: Response, keyword: string): Promise<boolean> {
  if (!response.body) return false;
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text.includes(keyword);
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (text.includes(keyword)) return true;
      if (bytes >= maxBodyBytes) return false;
      // Keep only a tail long enough to catch a keyword split across chunks.
      if (text.length > keyword.length * 2 + 65_536) text = text.slice(-keyword.length - 65_536);
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

function describeError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}
